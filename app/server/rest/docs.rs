//! `/api/v1/docs`: the API reference, rendered on the server from the same OpenAPI document
//! that `/api/v1/openapi.json` serves, so it needs no script, no CDN and cannot go stale.

use super::{openapi::document, problem::TYPES};
use crate::server::html::escape;
use axum::response::Html;
use std::fmt::Write;
use utoipa::openapi::{
    OpenApi, RefOr,
    path::{Operation, ParameterIn},
};

pub async fn page() -> Html<String> {
    Html(render(document()))
}

fn render(doc: &OpenApi) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} reference</title><link rel=\"stylesheet\" href=\"/pkg/v2mom.css\"></head>\
         <body><main class=\"api-docs\"><h1>{title}, version {version}</h1><p>{description}</p>\
         <p>Base URL: <code>/api/v1</code>. The machine-readable document: \
         <a href=\"/api/v1/openapi.json\">openapi.json</a> (OpenAPI 3.1).</p>\
         <h2 id=\"auth\">Authentication</h2><p>Every operation needs \
         <code>Authorization: Bearer &lt;key&gt;</code>. A key has scopes: <code>read</code> \
         for every <code>GET</code>, <code>write</code> to start, change and move V2MOMs, \
         <code>admin</code> for what only administrators may do. Each key may make a limited \
         number of requests a minute; answers carry <code>RateLimit-Limit</code>, \
         <code>RateLimit-Remaining</code> and <code>RateLimit-Reset</code>.</p>\
         <h2 id=\"versions\">Versions</h2><p>A V2MOM's <code>ETag</code> is its version. \
         <code>PUT</code> needs it in <code>If-Match</code> (428 without, 412 when someone saved \
         since); <code>If-None-Match</code> on a <code>GET</code> answers 304 when nothing \
         changed.</p><h2 id=\"operations\">Operations</h2>",
        title = escape(&doc.info.title),
        version = escape(&doc.info.version),
        description = escape(doc.info.description.as_deref().unwrap_or_default()),
    );
    for (path, item) in &doc.paths.paths {
        let operations = [
            ("GET", &item.get),
            ("POST", &item.post),
            ("PUT", &item.put),
            ("DELETE", &item.delete),
        ];
        for (method, operation) in operations {
            if let Some(operation) = operation {
                render_operation(&mut out, method, path, operation);
            }
        }
    }
    out.push_str(
        "<h2 id=\"problems\">Problem types</h2><p>Errors are \
        <code>application/problem+json</code> (RFC 9457) with <code>type</code>, \
        <code>title</code>, <code>status</code>, <code>detail</code>, <code>request_id</code> \
        and, for 422, <code>errors</code>.</p><dl>",
    );
    for (slug, title, meaning) in TYPES {
        let _ = write!(
            out,
            "<dt id=\"problem-{slug}\"><code>/api/v1/docs#problem-{slug}</code>: {}</dt><dd>{}</dd>",
            escape(title),
            escape(meaning)
        );
    }
    out.push_str("</dl><h2 id=\"schemas\">Schemas</h2>");
    if let Some(components) = &doc.components {
        for (name, schema) in &components.schemas {
            let json = serde_json::to_string_pretty(schema).unwrap_or_default();
            let _ = write!(
                out,
                "<h3 id=\"schema-{name}\">{name}</h3><pre>{}</pre>",
                escape(&json),
                name = escape(name)
            );
        }
    }
    out.push_str("</main></body></html>");
    out
}

fn render_operation(out: &mut String, method: &str, path: &str, op: &Operation) {
    let _ = write!(
        out,
        "<section class=\"api-operation\"><h3><code>{method} /api/v1{}</code></h3>",
        escape(path)
    );
    for text in [&op.summary, &op.description].into_iter().flatten() {
        let _ = write!(out, "<p>{}</p>", escape(text));
    }
    if let Some(parameters) = op.parameters.as_ref().filter(|p| !p.is_empty()) {
        out.push_str("<h4>Parameters</h4><ul>");
        for p in parameters {
            let place = match p.parameter_in {
                ParameterIn::Path => "path",
                ParameterIn::Query => "query",
                ParameterIn::Header => "header",
                ParameterIn::Cookie => "cookie",
            };
            let required = matches!(p.required, utoipa::openapi::Required::True);
            let _ = write!(
                out,
                "<li><code>{}</code> ({place}{}){}</li>",
                escape(&p.name),
                if required { ", required" } else { "" },
                p.description
                    .as_deref()
                    .map(|d| format!(": {}", escape(d)))
                    .unwrap_or_default()
            );
        }
        out.push_str("</ul>");
    }
    if let Some(body) = &op.request_body {
        let schemas: Vec<String> = body
            .content
            .values()
            .filter_map(|c| c.schema.as_ref())
            .map(schema_name)
            .collect();
        let _ = write!(out, "<h4>Body</h4><p>{}</p>", schemas.join(", "));
    }
    out.push_str("<h4>Answers</h4><ul>");
    for (status, response) in &op.responses.responses {
        let description = match response {
            RefOr::T(r) => r.description.clone(),
            RefOr::Ref(r) => r.ref_location.clone(),
        };
        let _ = write!(
            out,
            "<li><code>{}</code> {}</li>",
            escape(status),
            escape(&description)
        );
    }
    out.push_str("</ul></section>");
}

/// A link to the schema a body refers to, or its JSON when it is inline.
fn schema_name(schema: &RefOr<utoipa::openapi::schema::Schema>) -> String {
    match schema {
        RefOr::Ref(r) => {
            let name = r.ref_location.rsplit('/').next().unwrap_or_default();
            format!("<a href=\"#schema-{0}\">{0}</a>", escape(name))
        }
        RefOr::T(inline) => format!(
            "<code>{}</code>",
            escape(&serde_json::to_string(inline).unwrap_or_default())
        ),
    }
}
