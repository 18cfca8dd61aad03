//! An item's key: `<questionnaire id>/<item id>`, the name under which its answer is stored
//! in an assessment file, shown in reports and typed on the command line.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The key of an item: its questionnaire's id and its own id, written `q/item`.
///
/// It compares, orders and hashes exactly like its text, so a map keyed by strings can be
/// searched with one (it borrows as `str`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ItemKey {
    /// `q/item`.
    text: String,
    /// Where the `/` between the two ids is.
    slash: usize,
}

/// Why some text is not an item key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ItemKeyError {
    /// No `/` between a questionnaire id and an item id.
    #[error("\"{0}\" is not a full item name `<questionnaire>/<item>`")]
    NoSlash(String),
    /// One of the two ids is empty.
    #[error("\"{0}\" is not a full item name `<questionnaire>/<item>`: both ids are needed")]
    BadPart(String),
}

impl ItemKey {
    /// The key of item `item` of questionnaire `questionnaire` (ids as the questionnaire
    /// file gives them, which the id rule keeps free of `/`).
    pub fn new(questionnaire: &str, item: &str) -> Self {
        Self {
            text: format!("{questionnaire}/{item}"),
            slash: questionnaire.len(),
        }
    }

    /// Reads a key `q/item`: split at the first `/`, both ids non-empty. Nothing else is
    /// required here, so that an answer a file keeps under an odd name is still carried
    /// along and reported rather than lost.
    pub fn parse(text: &str) -> Result<Self, ItemKeyError> {
        let shown = || crate::text::sanitize_line(text);
        let Some((q, item)) = text.split_once('/') else {
            return Err(ItemKeyError::NoSlash(shown()));
        };
        if q.is_empty() || item.is_empty() {
            return Err(ItemKeyError::BadPart(shown()));
        }
        Ok(Self::new(q, item))
    }

    /// The questionnaire's id.
    pub fn questionnaire(&self) -> &str {
        &self.text[..self.slash]
    }

    /// The item's id within its questionnaire.
    pub fn item(&self) -> &str {
        &self.text[self.slash + 1..]
    }

    /// The key as text, `q/item`.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for ItemKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl FromStr for ItemKey {
    type Err = ItemKeyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Hash for ItemKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

impl Deref for ItemKey {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

impl AsRef<str> for ItemKey {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl Borrow<str> for ItemKey {
    fn borrow(&self) -> &str {
        &self.text
    }
}

impl From<ItemKey> for String {
    fn from(key: ItemKey) -> Self {
        key.text
    }
}

impl PartialEq<str> for ItemKey {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<&str> for ItemKey {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

impl PartialEq<String> for ItemKey {
    fn eq(&self, other: &String) -> bool {
        &self.text == other
    }
}

impl PartialEq<ItemKey> for String {
    fn eq(&self, other: &ItemKey) -> bool {
        self == &other.text
    }
}

impl PartialEq<ItemKey> for &str {
    fn eq(&self, other: &ItemKey) -> bool {
        *self == other.text
    }
}

impl Serialize for ItemKey {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for ItemKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, HashMap};

    use super::*;

    #[test]
    fn a_key_is_written_and_read_as_q_slash_item() {
        let key = ItemKey::new("worked-example", "a");
        assert_eq!(key.to_string(), "worked-example/a");
        assert_eq!(key.questionnaire(), "worked-example");
        assert_eq!(key.item(), "a");
        let read: ItemKey = "worked-example/a".parse().expect("a key");
        assert_eq!(read, key);
        assert_eq!(read.questionnaire(), "worked-example");
        assert_eq!(read.item(), "a");
    }

    #[test]
    fn text_that_is_not_a_key_says_why() {
        assert_eq!(
            ItemKey::parse("no-slash"),
            Err(ItemKeyError::NoSlash("no-slash".into()))
        );
        let odd = ItemKey::parse("q/a/b").expect("kept");
        assert_eq!((odd.questionnaire(), odd.item()), ("q", "a/b"));
        for bad in ["/a", "q/", "/"] {
            assert_eq!(ItemKey::parse(bad), Err(ItemKeyError::BadPart(bad.into())));
        }
        let message = ItemKey::parse("x").expect_err("not a key").to_string();
        assert_eq!(
            message,
            "\"x\" is not a full item name `<questionnaire>/<item>`"
        );
        let hostile = ItemKey::parse("\u{1b}[31m")
            .expect_err("not a key")
            .to_string();
        assert!(!hostile.contains('\u{1b}'), "{hostile:?}");
    }

    #[test]
    fn serde_uses_the_same_text() {
        let key = ItemKey::new("q", "item-1");
        let json = serde_json::to_string(&key).expect("serialises");
        assert_eq!(json, "\"q/item-1\"");
        let back: ItemKey = serde_json::from_str(&json).expect("reads");
        assert_eq!(back, key);
        let err = serde_json::from_str::<ItemKey>("\"nope\"").expect_err("not a key");
        assert!(err.to_string().contains("not a full item name"), "{err}");
    }

    #[test]
    fn keys_order_and_hash_like_their_text() {
        let texts = ["b/a", "a-b/c", "a/b", "a/a", "ab/a", "a/ba"];
        let mut keys: Vec<ItemKey> = texts.iter().map(|t| t.parse().expect("a key")).collect();
        let mut sorted: Vec<&str> = texts.to_vec();
        keys.sort();
        sorted.sort_unstable();
        assert_eq!(keys.iter().map(ItemKey::as_str).collect::<Vec<_>>(), sorted);
        let map: BTreeMap<ItemKey, u8> = keys.iter().cloned().map(|k| (k, 1)).collect();
        assert_eq!(map.get("a/b"), Some(&1));
        let map: HashMap<ItemKey, u8> = keys.into_iter().map(|k| (k, 2)).collect();
        assert_eq!(map.get("ab/a"), Some(&2));
        let by_text: BTreeMap<String, u8> = BTreeMap::from([("q/a".to_string(), 3)]);
        assert_eq!(by_text.get(ItemKey::new("q", "a").as_str()), Some(&3));
    }
}
