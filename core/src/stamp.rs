//! Points in time as the core stores them: a [`jiff::Timestamp`] in memory, RFC 3339 in UTC
//! on disk ("2026-11-22T10:00:00Z"), to the second unless the file gave a fraction.

use jiff::Timestamp;
use serde::{Deserialize, Deserializer, Serializer};

/// Now, to the second.
pub fn now() -> Timestamp {
    let now = Timestamp::now();
    Timestamp::from_second(now.as_second()).unwrap_or(now)
}

/// The stored text of a time: RFC 3339 in UTC, "2026-11-22T10:00:00Z"; a fraction of a
/// second appears only when there is one.
pub fn stored(t: &Timestamp) -> String {
    if t.subsec_nanosecond() == 0 {
        t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
    } else {
        t.to_string()
    }
}

/// A time to the minute, "2026-11-22 10:00" (UTC), for lists.
pub fn minute(t: &Timestamp) -> String {
    t.strftime("%Y-%m-%d %H:%M").to_string()
}

/// A time's date, "2026-11-22" (UTC).
pub fn date(t: &Timestamp) -> String {
    t.strftime("%Y-%m-%d").to_string()
}

/// The day of a time as stored ("2026-03-01"), or the text itself when it is not one.
pub fn day_of(stored: &str) -> String {
    parse(stored).map_or_else(|| stored.to_string(), |t| date(&t))
}

/// Writes a time in its stored form (for `#[serde(serialize_with)]`).
#[allow(clippy::trivially_copy_pass_by_ref)] // serde's serialize_with passes a reference
pub fn serialize<S: Serializer>(t: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&stored(t))
}

/// Reads the time `field`, refusing text that is not an RFC 3339 timestamp with a message
/// that names the field and shows what is expected.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D, field: &str) -> Result<Timestamp, D::Error> {
    let text = String::deserialize(d)?;
    parse(&text).ok_or_else(|| {
        let shown: String = crate::text::one_line(&text).chars().take(40).collect();
        serde::de::Error::custom(format!(
            "\"{field}\" is \"{shown}\", which is not a timestamp; write an RFC 3339 time \
             such as \"2026-11-22T10:00:00Z\""
        ))
    })
}

/// An RFC 3339 timestamp; `None` for anything else, including an offset of 24 hours or
/// more (which RFC 3339 does not allow, although a wider parser would read it).
pub fn parse(text: &str) -> Option<Timestamp> {
    let bytes = text.as_bytes();
    if let [.., b'+' | b'-', h1, h2, b':', _, _] = bytes
        && bytes.len() > 19
        && h1.is_ascii_digit()
        && h2.is_ascii_digit()
        && u32::from(h1 - b'0') * 10 + u32::from(h2 - b'0') > 23
    {
        return None;
    }
    text.parse().ok()
}

/// Reads a calendar day written `YYYY-MM-DD` (a real date, year 0001–9999), or says in
/// words what is wrong with `text`.
pub fn parse_day(text: &str) -> Result<jiff::civil::Date, String> {
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(n, b)| {
            if n == 4 || n == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
        && !text.starts_with("0000");
    let shown: String = crate::text::one_line(text).chars().take(40).collect();
    if !shaped {
        return Err(format!(
            "\"{shown}\" is not a date; write it as YYYY-MM-DD, e.g. \"2027-03-31\""
        ));
    }
    text.parse::<jiff::civil::Date>()
        .map_err(|_| format!("\"{shown}\" is not a day of the calendar; check the month and day"))
}

/// Writes a day as `YYYY-MM-DD` (for `#[serde(serialize_with)]`).
#[allow(clippy::trivially_copy_pass_by_ref)] // serde's serialize_with passes a reference
pub fn serialize_day<S: Serializer>(d: &jiff::civil::Date, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&d.strftime("%Y-%m-%d").to_string())
}

/// Reads the day `field` (`YYYY-MM-DD`), with a message that names the field.
pub fn deserialize_day<'de, D: Deserializer<'de>>(
    d: D,
    field: &str,
) -> Result<jiff::civil::Date, D::Error> {
    let text = String::deserialize(d)?;
    parse_day(&text).map_err(|e| serde::de::Error::custom(format!("\"{field}\": {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stored_form_is_rfc_3339_in_utc_to_the_second() {
        let t: Timestamp = "2026-11-22T10:00:00Z".parse().expect("a time");
        assert_eq!(stored(&t), "2026-11-22T10:00:00Z");
        let offset: Timestamp = "2026-11-22T12:00:00+02:00".parse().expect("a time");
        assert_eq!(stored(&offset), "2026-11-22T10:00:00Z");
        let fraction: Timestamp = "2026-11-22T10:00:00.25Z".parse().expect("a time");
        assert_eq!(stored(&fraction), "2026-11-22T10:00:00.25Z");
        assert_eq!(stored(&now()).len(), "2026-11-22T10:00:00Z".len());
        assert_eq!(minute(&offset), "2026-11-22 10:00");
        assert_eq!(date(&offset), "2026-11-22");
    }

    #[test]
    fn an_offset_rfc_3339_does_not_allow_is_refused() {
        assert!(parse("2026-11-30T02:59:54+23:59").is_some());
        assert!(parse("2026-11-30T02:59:54+25:00").is_none());
        assert!(parse("2026-11-30T02:59:54-24:00").is_none());
        assert!(parse("2026-11-30T02:59:54Z").is_some());
        assert!(parse("yesterday").is_none());
    }

    #[test]
    fn a_day_is_yyyy_mm_dd_and_a_real_date() {
        let day = parse_day("2027-03-31").expect("a day");
        assert_eq!(day.to_string(), "2027-03-31");
        for bad in [
            "2027-3-31",
            "31-03-2027",
            "20270331",
            "2027-03-31T00:00",
            "0000-01-01",
            "",
        ] {
            let e = parse_day(bad).expect_err(bad);
            assert!(e.contains("YYYY-MM-DD"), "{bad}: {e}");
        }
        let e = parse_day("2027-02-30").expect_err("no 30 February");
        assert!(e.contains("not a day of the calendar"), "{e}");
    }
}
