//! The link that runs a shared experiment again: a results document's
//! settings as the app's URL query (the results echo the settings under the
//! URL keys' own names), so a read-only view can offer "run it yourself".
//! Pure; the app validates the query like any other link.

use serde_json::{Map, Value};

/// Settings left out: the pool size follows the machine that opens the
/// link (its own cores), and `autorun` is the opener's choice.
const LEFT_OUT: [&str; 2] = ["threads", "autorun"];

/// The URL query (without `?`) of the settings in a results `config`:
/// the workload first, then in key order; strings and numbers as they are, lists (`models`) comma-separated;
/// anything else (objects, nulls, booleans) is left out.
pub fn experiment_query(config: &Map<String, Value>) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    // The workload first, as the app writes its links; then in key order.
    let workload = config.get_key_value("workload");
    for (key, value) in workload
        .into_iter()
        .chain(config.iter().filter(|(k, _)| *k != "workload"))
    {
        if LEFT_OUT.contains(&key.as_str()) {
            continue;
        }
        let text = match value {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Array(items) => items
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(","),
            _ => continue,
        };
        query.append_pair(key, &text);
    }
    query.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_settings_become_the_apps_url_keys_without_the_pool_size() {
        let config = serde_json::json!({
            "workload": "fetch", "models": ["sequential", "async"], "threads": 16,
            "repeat": 1, "requests": 20, "latency": 150, "url": "https://example.org/a?b=1",
            "extra": { "x": 1 }, "concurrency": null
        });
        let query = experiment_query(config.as_object().expect("object"));
        assert_eq!(
            query,
            "workload=fetch&latency=150&models=sequential%2Casync&repeat=1&requests=20\
             &url=https%3A%2F%2Fexample.org%2Fa%3Fb%3D1"
        );
    }
}
