//! The search that runs while the fast path writes the key ([`KeySink`]).

/// Receives the bytes of the matching form as the fast path settles them, so a search can run
/// in the same pass. The search state lives in a [`KeySink::Local`] that the fast path keeps
/// in registers while it runs: [`KeySink::step`] advances it by one key byte and says whether
/// patterns end there, and only then is the sink itself called ([`KeySink::record`]).
pub(crate) trait KeySink {
    type Local: Copy;
    /// The search state to start or go on from.
    fn local(&self) -> Self::Local;
    /// Advances `local` by `byte`; true when patterns end there.
    fn step(local: &mut Self::Local, byte: u8) -> bool;
    /// [`KeySink::step`] for a byte known to be an ASCII lower-case letter or a space. The
    /// step on a letter equal to the one before it reports what that one reported, at the
    /// same end: [`KeySink::record`] drops it.
    #[inline(always)]
    fn step_letter(local: &mut Self::Local, byte: u8) -> bool {
        Self::step(local, byte)
    }
    /// Records what ends at key position `end` (just after the byte `local` last stepped on);
    /// the same as the last record again (a repeated letter's step) is dropped.
    fn record(&mut self, local: Self::Local, end: usize);
    /// Keeps `local` as the state to go on from.
    fn store(&mut self, local: Self::Local);
    /// The general passes wrote the key again from byte `from` on, up to `to`: what the sink
    /// recorded past `from` is void, and the next byte it is given is the one at `to`.
    fn replaced(&mut self, from: usize, to: usize);
    /// The key is complete and `end` bytes long.
    fn finish(&mut self, end: usize);
}

impl KeySink for () {
    type Local = ();
    #[inline(always)]
    fn local(&self) {}
    #[inline(always)]
    fn step(_: &mut (), _: u8) -> bool {
        false
    }
    #[inline(always)]
    fn record(&mut self, _: (), _: usize) {}
    #[inline(always)]
    fn store(&mut self, _: ()) {}
    fn replaced(&mut self, _: usize, _: usize) {}
    fn finish(&mut self, _: usize) {}
}

/// Gives one key byte, ending at key position `end`, to the search.
#[inline(always)]
pub(super) fn feed<S: KeySink>(sink: &mut S, local: &mut S::Local, end: usize, byte: u8) {
    if S::step(local, byte) {
        sink.record(*local, end);
    }
}
