//! The byte form of compiled tables, for the bundled matcher compiled ahead of time (see
//! `matcher/precompiled.rs`).
//!
//! A [`Table`] is either built (owned) or read from bytes compiled into the library; read, a
//! table of numbers is borrowed in place when the bytes are aligned and little-endian (the
//! writer aligns each table to 8 bytes and writes little-endian), so loading the bundled matcher
//! copies none of its large tables: their pages are mapped from the binary when first touched
//! and shared by every process that runs it. Elsewhere (a big-endian target) they are decoded.
//!
//! The reader trusts its bytes only as far as never panicking: every read is checked, and a
//! short or malformed input reads as `None`. What the numbers mean (state ids in range) is not
//! checked: the bytes come from the writer of the same build.

use std::borrow::Cow;

/// A table that is built, or borrowed from bytes compiled into the library.
pub(crate) type Table<T> = Cow<'static, [T]>;

/// A number a table can hold.
pub(crate) trait Elem: bytemuck::Pod {
    /// Appends its little-endian bytes.
    fn put(self, out: &mut Vec<u8>);
    /// Reads it from its little-endian bytes (`size_of::<Self>()` of them).
    fn get(bytes: &[u8]) -> Self;
}

macro_rules! elem {
    ($($t:ty),*) => {$(
        impl Elem for $t {
            fn put(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            fn get(bytes: &[u8]) -> Self {
                let mut b = [0u8; std::mem::size_of::<$t>()];
                b.copy_from_slice(bytes);
                <$t>::from_le_bytes(b)
            }
        }
    )*};
}
elem!(u8, u16, u32, u64);

/// Tables start at multiples of this many bytes from the start.
const ALIGN: usize = 8;

/// Writes numbers, strings and tables one after another.
#[derive(Default)]
#[cfg_attr(not(test), allow(dead_code))] // the build script writes
pub(crate) struct Writer {
    bytes: Vec<u8>,
}

#[cfg_attr(not(test), allow(dead_code))]
impl Writer {
    pub(crate) fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    pub(crate) fn put<T: Elem>(&mut self, v: T) {
        v.put(&mut self.bytes);
    }

    pub(crate) fn len(&mut self, n: usize) {
        self.put(n as u64);
    }

    pub(crate) fn bool(&mut self, b: bool) {
        self.put(u8::from(b));
    }

    /// Its length, then (from a multiple of [`ALIGN`]) its elements.
    pub(crate) fn table<T: Elem>(&mut self, t: &[T]) {
        self.len(t.len());
        while self.bytes.len() % ALIGN != 0 {
            self.bytes.push(0);
        }
        for &x in t {
            x.put(&mut self.bytes);
        }
    }

    pub(crate) fn str(&mut self, s: &str) {
        self.table(s.as_bytes());
    }
}

/// Reads what a [`Writer`] wrote, in the same order.
pub(crate) struct Reader {
    bytes: &'static [u8],
    at: usize,
}

impl Reader {
    pub(crate) fn new(bytes: &'static [u8]) -> Reader {
        Reader { bytes, at: 0 }
    }

    /// Whether every byte was read.
    pub(crate) fn at_end(&self) -> bool {
        self.at == self.bytes.len()
    }

    fn take(&mut self, n: usize) -> Option<&'static [u8]> {
        let bytes = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(bytes)
    }

    pub(crate) fn get<T: Elem>(&mut self) -> Option<T> {
        self.take(std::mem::size_of::<T>()).map(T::get)
    }

    pub(crate) fn len(&mut self) -> Option<usize> {
        usize::try_from(self.get::<u64>()?).ok()
    }

    pub(crate) fn bool(&mut self) -> Option<bool> {
        match self.get::<u8>()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    /// A table, borrowed in place where the target allows (see the module's doc).
    pub(crate) fn table<T: Elem>(&mut self) -> Option<Table<T>> {
        let n = self.len()?;
        self.at = self.at.next_multiple_of(ALIGN);
        let bytes = self.take(n.checked_mul(std::mem::size_of::<T>())?)?;
        if cfg!(target_endian = "little") {
            if let Ok(t) = bytemuck::try_cast_slice(bytes) {
                return Some(Cow::Borrowed(t));
            }
        }
        let size = std::mem::size_of::<T>();
        Some(Cow::Owned(bytes.chunks_exact(size).map(T::get).collect()))
    }

    /// A table, copied.
    pub(crate) fn vec<T: Elem>(&mut self) -> Option<Vec<T>> {
        self.table().map(Cow::into_owned)
    }

    pub(crate) fn str(&mut self) -> Option<&'static str> {
        let n = self.len()?;
        self.at = self.at.next_multiple_of(ALIGN);
        std::str::from_utf8(self.take(n)?).ok()
    }

    /// A table of `N`-tuples written flat, as a vector of arrays.
    pub(crate) fn arrays<const N: usize>(&mut self) -> Option<Vec<[u32; N]>> {
        let flat = self.table::<u32>()?;
        (flat.len() % N == 0).then(|| {
            flat.chunks_exact(N)
                .map(|c| std::array::from_fn(|i| c[i]))
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leak(w: Writer) -> &'static [u8] {
        Box::leak(w.into_bytes().into_boxed_slice())
    }

    #[test]
    fn what_is_written_reads_back_in_order() {
        let mut w = Writer::default();
        w.put(7u8);
        w.table(&[1u32, 2, 3]);
        w.str("टेबल");
        w.bool(true);
        w.table::<u16>(&[]);
        w.put(u64::MAX);
        let mut r = Reader::new(leak(w));
        assert_eq!(r.get::<u8>(), Some(7));
        assert_eq!(r.table::<u32>().as_deref(), Some(&[1u32, 2, 3][..]));
        assert_eq!(r.str(), Some("टेबल"));
        assert_eq!(r.bool(), Some(true));
        assert_eq!(r.table::<u16>().as_deref(), Some(&[][..]));
        assert_eq!(r.get::<u64>(), Some(u64::MAX));
        assert!(r.at_end());
    }

    #[test]
    fn short_or_malformed_bytes_read_as_none() {
        let mut w = Writer::default();
        w.table(&[1u32, 2, 3]);
        let bytes = leak(w);
        // Cut anywhere, the table cannot be read.
        for cut in 0..bytes.len() {
            assert_eq!(
                Reader::new(&bytes[..cut]).table::<u32>(),
                None,
                "cut at {cut}"
            );
        }
        // A length that overflows.
        let mut w = Writer::default();
        w.put(u64::MAX);
        assert_eq!(Reader::new(leak(w)).table::<u64>(), None);
        assert_eq!(Reader::new(&[2]).bool(), None);
        let mut w = Writer::default();
        w.table(&[0xffu8, 0xfe]);
        assert_eq!(Reader::new(leak(w)).str(), None);
    }
}
