//! The JSON Schemas published beside the built-in questionnaires, as validators.

use serde_json::Value;

/// Reads the JSON file at `path`, relative to the package's root.
pub fn load(path: &str) -> Value {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// A validator of the JSON Schema at `path`, relative to the package's root.
pub fn validator(path: &str) -> jsonschema::Validator {
    jsonschema::validator_for(&load(path)).expect("the schema compiles")
}

/// Everything `v` finds wrong with `instance`, each with where it is.
pub fn errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect()
}
