use super::*;

fn sp(s: &str) -> Spelling {
    let mut out: Spelling = Vec::new();
    for c in s.chars() {
        match out.last_mut() {
            Some((l, r)) if *l == c => *r += 1,
            _ => out.push((c, 1)),
        }
    }
    out
}

fn text(s: &Spelling) -> String {
    s.iter()
        .flat_map(|&(c, r)| std::iter::repeat_n(c, r as usize))
        .collect()
}

#[test]
fn romanises_with_schwa_deletion() {
    for (d, r) in [
        ("चूतिया", "chutiya"),
        ("मादरचोद", "madarchod"),
        ("बहनचोद", "bahanchod"),
        ("गांड", "gand"),
        ("गाँडू", "gandu"),
        ("भोसडी", "bhosdi"),
        ("हरामी", "harami"),
        ("कमीना", "kamina"),
        ("रंडी", "randi"),
        ("लंड", "land"),
        ("कुत्ते की औलाद", "kutte ki aulad"),
        ("झाटू", "jhatu"),
    ] {
        assert_eq!(romanise(d).as_deref(), Some(r), "{d}");
    }
    assert_eq!(romanise("f*ck"), None);
}

#[test]
fn devanagari_spellings_of_romanised_terms() {
    let has = |term: &str, want: &str| {
        let got = devanagari_spellings(term);
        let want = crate::normalize::normalize(want);
        assert!(
            got.iter().any(|g| crate::normalize::normalize(g) == want),
            "{term}: {want} not in {got:?}"
        );
    };
    has("chutiya", "चूतिया");
    has("madarchod", "मादरचोद");
    has("bhenchod", "भेनचोद");
    has("gaand", "गांड");
    has("harami", "हरामी");
    has("kutte ki aulad", "कुत्ते की औलाद");
    assert!(devanagari_spellings("f*ck").is_empty());
}

#[test]
fn spelling_variants_cover_common_typings() {
    let v: Vec<String> = spelling_variants(&sp("chutiya")).iter().map(text).collect();
    for want in ["chootiya", "chutia", "chutya"] {
        assert!(v.iter().any(|x| x == want), "{want} not in {v:?}");
    }
    let v: Vec<String> = spelling_variants(&sp("bhenchod"))
        .iter()
        .map(text)
        .collect();
    assert!(v.iter().any(|x| x == "benchod"), "{v:?}");
    let v: Vec<String> = spelling_variants(&sp("haramzada"))
        .iter()
        .map(text)
        .collect();
    assert!(v.iter().any(|x| x == "haramjada"), "{v:?}");
    assert!(spelling_variants(&sp("f*ck")).is_empty());
}

#[test]
fn compounds_split_after_a_head_of_four_letters() {
    let split = |t: &str| split_compound(&sp(t)).map(|v| text(&v));
    assert_eq!(split("madarchod").as_deref(), Some("madar chod"));
    assert_eq!(split("haramzada").as_deref(), Some("haram zada"));
    assert_eq!(split("मादरचोद").as_deref(), Some("मादर चोद"));
    // `bak chod` would be two ordinary words; phrases and other endings are left alone.
    for none in ["bakchod", "chod", "teri maa", "chutiya"] {
        assert_eq!(split(none), None, "{none}");
    }
}

#[test]
fn inflections_are_plural_oblique_and_vocative_endings() {
    let of =
        |term: &str| -> Vec<String> { inflections(&sp(term), false).iter().map(text).collect() };
    assert_eq!(
        of("saala"),
        ["saale", "saaley", "saalay", "saalo", "saalon", "saalas"]
    );
    assert_eq!(
        of("chutiya"),
        ["chutiye", "chutiyey", "chutiyay", "chutiyo", "chutiyon", "chutiyas"]
    );
    assert_eq!(
        of("harami"),
        ["haramiyan", "haramiyon", "haramiyo", "haramis"]
    );
    assert_eq!(of("jahil"), ["jahilon", "jahilo", "jahils"]);
    assert_eq!(of("namard"), ["namardon", "namardo", "namards"]);
    assert_eq!(of("गधा"), ["गधे", "गधो", "गधों"]);
    assert_eq!(of("कमीना"), ["कमीने", "कमीनो", "कमीनों"]);
    assert_eq!(of("हरामि"), ["हरामियां", "हरामियों", "हरामियो"]);
    assert_eq!(of("जाहिल"), ["जाहिलों"]);
    // A romanised reading of a Devanagari term: the Hindi vowel endings only.
    let reading =
        |term: &str| -> Vec<String> { inflections(&sp(term), true).iter().map(text).collect() };
    assert_eq!(reading("chinar"), Vec::<String>::new());
    assert_eq!(reading("kamina"), ["kamine", "kamino", "kaminon"]);
    // Too short (`loda` → `lode`), ending in a vowel pair, a doubled or a nasal-vowel
    // consonant, or a phrase.
    for none in [
        "loda",
        "bhosdiwala a",
        "chaa",
        "teri maa",
        "gadhey",
        "bhaiyo",
    ] {
        assert!(of(none).is_empty(), "{none}: {:?}", of(none));
    }
}
