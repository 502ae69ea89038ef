//! Requests for `/api/v1`, made from the OpenAPI document the running app serves: every
//! operation, its path and query parameters and its JSON body, by its schema and against it.

use super::values::{
    EDGE_NUMBERS, Known, bad_bytes, ids_named, int_text, line, raw_json_text, text, text_for,
    wrong_json,
};
use proptest::{prelude::*, sample::select, strategy::Union};
use serde_json::{Map, Value};

/// One operation of the document.
#[derive(Debug, Clone)]
pub struct Operation {
    pub method: String,
    /// With `{name}` placeholders, e.g. `/v2moms/{id}`.
    pub path: String,
    pub params: Vec<Param>,
    /// The schema of its JSON body, `$ref`s left for [`json_for`] to follow.
    pub body: Option<Value>,
}

#[derive(Debug, Clone)]
pub struct Param {
    pub name: String,
    /// `path`, `query` or `header`.
    pub location: String,
    pub schema: Value,
}

/// Every operation in `doc`, in document order.
pub fn operations(doc: &Value) -> Vec<Operation> {
    let mut ops = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("path item") {
            let params = op["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| Param {
                    name: p["name"].as_str().expect("parameter name").to_owned(),
                    location: p["in"].as_str().expect("parameter location").to_owned(),
                    schema: p["schema"].clone(),
                })
                .collect();
            let body = op["requestBody"]["content"]["application/json"]["schema"].clone();
            ops.push(Operation {
                method: method.to_uppercase(),
                path: path.clone(),
                params,
                body: (!body.is_null()).then_some(body),
            });
        }
    }
    ops
}

/// One request, ready to send (the key is the driver's: it knows the people).
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    /// Under `/api/v1`, query included, percent-encoded.
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<Vec<u8>>,
}

/// Requests for `op`: its parameters, then a body by the schema, against it, or not JSON.
pub fn request(op: &Operation, doc: &Value, known: &Known) -> BoxedStrategy<Request> {
    let path_values: Vec<BoxedStrategy<(String, String)>> = op
        .params
        .iter()
        .filter(|p| p.location == "path")
        .map(|p| {
            let name = p.name.clone();
            param_value(&p.name, &op.path, &p.schema, doc, known)
                .prop_map(move |v| (name.clone(), v))
                .boxed()
        })
        .collect();
    let headers: Vec<BoxedStrategy<Option<(String, String)>>> = op
        .params
        .iter()
        .filter(|p| p.location == "header")
        .map(|p| {
            let name = p.name.to_lowercase();
            let value = if name.contains("match") {
                precondition(known)
            } else {
                param_value(&p.name, &op.path, &p.schema, doc, known)
            };
            prop::option::weighted(
                0.7,
                value.prop_map(move |v| (name.clone(), header_safe(&v))),
            )
            .boxed()
        })
        .collect();
    let query: Vec<BoxedStrategy<Vec<(String, String)>>> = op
        .params
        .iter()
        .filter(|p| p.location == "query")
        .map(|p| {
            let name = p.name.clone();
            let value = param_value(&p.name, &op.path, &p.schema, doc, known);
            prop_oneof![
                6 => value.clone().prop_map(move |v| vec![(name.clone(), v)]),
                4 => Just(Vec::new()),
                1 => (value.clone(), value).prop_map({
                    let name = p.name.clone();
                    move |(a, b)| vec![(name.clone(), a), (name.clone(), b)]
                }),
            ]
            .boxed()
        })
        .collect();
    let extra = prop::collection::vec(("\\PC{0,8}", line(known)), 0..2);
    let body = match &op.body {
        Some(schema) => body(schema, doc, known).prop_map(Some).boxed(),
        None => prop_oneof![
            6 => Just(None),
            1 => body(&Value::Bool(true), doc, known).prop_map(Some),
        ]
        .boxed(),
    };
    let method = op.method.clone();
    let template = op.path.clone();
    (path_values, query, extra, body, headers)
        .prop_map(move |(path_values, query, extra, body, headers)| {
            let mut path = template.clone();
            for (name, value) in path_values {
                path = path.replace(&format!("{{{name}}}"), &segment(&value));
            }
            let pairs: Vec<(String, String)> = query.into_iter().flatten().chain(extra).collect();
            if !pairs.is_empty() {
                let mut q = url::form_urlencoded::Serializer::new(String::new());
                q.extend_pairs(pairs);
                path = format!("{path}?{}", q.finish());
            }
            let mut headers: Vec<(String, String)> = headers.into_iter().flatten().collect();
            let body = body.map(|(bytes, content_type)| {
                if let Some(ct) = content_type {
                    headers.push(("content-type".into(), ct.to_owned()));
                }
                bytes
            });
            Request {
                method: method.clone(),
                path,
                headers,
                body,
            }
        })
        .boxed()
}

/// A path segment, percent-encoded (`/`, `?`, `#`, `%` and the rest cannot break out).
fn segment(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

/// A parameter's value as text: by its schema mostly, anything now and then; never so long
/// that the URL would be past what any server reads.
fn param_value(
    name: &str,
    path: &str,
    schema: &Value,
    doc: &Value,
    known: &Known,
) -> BoxedStrategy<String> {
    let by_schema = json_for(schema, doc, known, name, 0).prop_map(|v| match v {
        Value::String(s) => s,
        other => other.to_string(),
    });
    let ints = int_text(&ids_named(name, path, known), known);
    prop_oneof![12 => by_schema, 1 => ints, 1 => line(known)]
        .prop_map(|v| v.chars().take(2_000).collect())
        .boxed()
}

/// `If-Match` or `If-None-Match`: a real version, `*`, weak, a list, or malformed.
fn precondition(known: &Known) -> BoxedStrategy<String> {
    prop_oneof![
        6 => select(known.versions.clone()).prop_map(|v| format!("\"{v}\"")),
        2 => select(vec![
            "*", "W/\"1\"", "\"\"", "\"", "1", "\"abc\"", "\"-1\"", "\"1\", \"2\"",
            "\"99999999999999999999\"", "\"9223372036854775807\"", ",,,", "W/",
        ])
        .prop_map(str::to_owned),
        1 => select(EDGE_NUMBERS).prop_map(|s| format!("\"{s}\"")),
        1 => line(known),
    ]
    .boxed()
}

/// `value` without the characters no header may hold (reqwest would refuse to send it).
fn header_safe(value: &str) -> String {
    value
        .chars()
        .filter(|&c| c == '\t' || (c >= ' ' && c != '\u{7f}'))
        .collect()
}

/// A body and its content type: JSON by the schema (bent), JSON of the wrong shape, text
/// that is not JSON, bytes that are not text, or JSON labelled as something else.
fn body(
    schema: &Value,
    doc: &Value,
    known: &Known,
) -> BoxedStrategy<(Vec<u8>, Option<&'static str>)> {
    const JSON: Option<&str> = Some("application/json");
    let by_schema = json_for(schema, doc, known, "", 0).prop_map(|v| v.to_string().into_bytes());
    let mislabelled = select(vec![
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        Some("application/json; charset=latin1"),
        Some("application/problem+json"),
        Some("application/jsonx"),
        Some("multipart/form-data"),
    ]);
    prop_oneof![
        14 => by_schema.clone().prop_map(|b| (b, JSON)),
        2 => wrong_json(known).prop_map(|v| (v.to_string().into_bytes(), JSON)),
        2 => raw_json_text().prop_map(|t| (t.into_bytes(), JSON)),
        1 => bad_bytes().prop_map(|b| (b, JSON)),
        1 => (by_schema, mislabelled),
    ]
    .boxed()
}

/// A JSON value for `schema` (of a field called `name`, if it is one), bent: fields dropped
/// or added, and now and then a value of the wrong kind in place of the right one.
pub fn json_for(
    schema: &Value,
    doc: &Value,
    known: &Known,
    name: &str,
    depth: u32,
) -> BoxedStrategy<Value> {
    let right = right_kind(schema, doc, known, name, depth);
    if depth > 6 {
        return right;
    }
    // Rarely, so that a body of twenty values still often gets past deserialising.
    prop_oneof![30 => right, 1 => wrong_json(known)].boxed()
}

fn right_kind(
    schema: &Value,
    doc: &Value,
    known: &Known,
    name: &str,
    depth: u32,
) -> BoxedStrategy<Value> {
    if depth > 12 {
        return Just(Value::Null).boxed();
    }
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.rsplit('/').next().unwrap_or_default();
        let target = &doc["components"]["schemas"][name];
        return json_for(target, doc, known, name, depth + 1);
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(choices) = schema[key].as_array() {
            let each: Vec<_> = choices
                .iter()
                .map(|s| json_for(s, doc, known, name, depth + 1))
                .collect();
            return Union::new(each).boxed();
        }
    }
    if let Some(values) = schema["enum"].as_array() {
        return prop_oneof![
            4 => select(values.clone()),
            1 => text(known).prop_map(Value::String),
        ]
        .boxed();
    }
    let kind = match &schema["type"] {
        Value::Array(kinds) => {
            let each: Vec<_> = kinds
                .iter()
                .map(|k| {
                    let mut one = schema.clone();
                    one["type"] = k.clone();
                    right_kind(&one, doc, known, name, depth)
                })
                .collect();
            return Union::new(each).boxed();
        }
        Value::String(kind) => kind.as_str(),
        _ => return wrong_json(known),
    };
    match kind {
        "object" => object(schema, doc, known, depth),
        "array" => {
            let items = json_for(&schema["items"], doc, known, name, depth + 1);
            prop::collection::vec(items, 0..4)
                .prop_map(Value::Array)
                .boxed()
        }
        "integer" | "number" => prop_oneof![
            6 => select(ids_named(name, "/v2moms", known)).prop_map(Value::from),
            1 => select(vec![0, -1, i64::MAX, i64::MIN, i64::from(i32::MAX) + 1])
                .prop_map(Value::from),
            1 => any::<i64>().prop_map(Value::from),
            1 => select(vec![1.5, -0.0, 1e300, -1e300, 7.0]).prop_map(Value::from),
            1 => any::<u64>().prop_map(Value::from),
        ]
        .boxed(),
        "boolean" => any::<bool>().prop_map(Value::Bool).boxed(),
        "null" => Just(Value::Null).boxed(),
        _ => text_for(name, known).prop_map(Value::String).boxed(),
    }
}

/// Each property present or not (required ones more often), plus unknown ones now and then.
fn object(schema: &Value, doc: &Value, known: &Known, depth: u32) -> BoxedStrategy<Value> {
    let required: Vec<&str> = schema["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let fields: Vec<BoxedStrategy<Option<(String, Value)>>> = schema["properties"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(name, property)| {
            let name = name.clone();
            let present = if required.contains(&name.as_str()) {
                0.97
            } else {
                0.7
            };
            prop::option::weighted(present, json_for(property, doc, known, &name, depth + 1))
                .prop_map(move |v| v.map(|v| (name.clone(), v)))
                .boxed()
        })
        .collect();
    let extra = prop::collection::vec(("\\PC{0,10}", wrong_json(known)), 0..2);
    prop_oneof![
        5 => (fields.clone(), Just(Vec::new())),
        1 => (fields, extra),
    ]
    .prop_map(|(fields, extra)| {
        let map: Map<String, Value> = fields.into_iter().flatten().chain(extra).collect();
        Value::Object(map)
    })
    .boxed()
}
