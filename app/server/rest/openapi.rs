//! The OpenAPI 3.1 document: every route registered in [`routes`], plus what all of them
//! share (the bearer scheme, the problem responses), added once by [`Shared`] after the
//! routes have brought their paths.

use super::{alignment, checkins, exports, live, people, problem, tracking, v2moms, webhooks};
use crate::server::state::AppState;
use std::sync::OnceLock;
use utoipa::{
    Modify, OpenApi,
    openapi::{
        self, ContentBuilder, Ref, ResponseBuilder, Server,
        security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme},
    },
};
use utoipa_axum::{router::OpenApiRouter, routes};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "v2mom API",
        version = "1",
        description = "Read and write V2MOMs from scripts and other services. Every request \
            carries an API key (`Authorization: Bearer <key>`, made on the API keys page or \
            with `v2mom api-key create`); a key acts as its user, narrowed to its scopes. \
            Errors are `application/problem+json`."
    ),
    components(schemas(problem::Problem, problem::FieldProblem)),
    tags(
        (name = "V2MOMs", description = "Vision, values, methods, obstacles and measures"),
        (name = "People", description = "The caller and the people they may see"),
        (name = "Periods", description = "Planning periods"),
        (name = "Webhooks", description = "Events sent to other services (administrators)"),
        (name = "Events", description = "Changes as they happen, as Server-Sent Events"),
    )
)]
struct ApiDoc;

/// Every authenticated route, each registered once for routing and for the document.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(people::me))
        .routes(routes!(people::export_me))
        .routes(routes!(people::list_users))
        .routes(routes!(people::get_user))
        .routes(routes!(people::erase_user))
        .routes(routes!(people::list_periods))
        .routes(routes!(people::close_period))
        .routes(routes!(v2moms::list, v2moms::start))
        .routes(routes!(v2moms::get, v2moms::replace))
        .routes(routes!(v2moms::transition))
        .routes(routes!(v2moms::discard_amendment))
        .routes(routes!(v2moms::revisions))
        .routes(routes!(v2moms::revision))
        .routes(routes!(exports::markdown))
        .routes(routes!(exports::json))
        .routes(routes!(exports::csv))
        .routes(routes!(checkins::list, checkins::create))
        .routes(routes!(alignment::tree))
        .routes(routes!(tracking::team_progress))
        .routes(routes!(tracking::organisation))
        .routes(routes!(webhooks::list, webhooks::create))
        .routes(routes!(webhooks::delete))
        .routes(routes!(webhooks::deliveries))
        .routes(routes!(webhooks::retry))
        .routes(routes!(live::events))
}

/// The document served at `/api/v1/openapi.json`, built once.
pub fn document() -> &'static openapi::OpenApi {
    static DOCUMENT: OnceLock<openapi::OpenApi> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        let mut doc = routes().into_openapi();
        Shared.modify(&mut doc);
        doc.servers = Some(vec![Server::new("/api/v1")]);
        doc
    })
}

/// The answers every operation may give, which no handler should have to list.
const SHARED: [(&str, &str); 8] = [
    ("400", "A parameter or the body could not be read"),
    ("422", "Invalid fields or parameters; `errors` says which"),
    ("401", "No valid API key"),
    (
        "403",
        "The key's user may not do this, or the key lacks the scope",
    ),
    ("404", "Not there, or not readable by the caller"),
    ("429", "Too many requests for this key; see `Retry-After`"),
    ("500", "A fault on the server; quote `request_id`"),
    (
        "503",
        "The database is away or busy for now; retry after `Retry-After` seconds",
    ),
];

/// The answers of every operation that takes a body.
const WITH_BODY: [(&str, &str); 3] = [
    ("409", "Refused by a rule, or changed at the same time"),
    ("413", "The body is too large"),
    ("415", "The body is not JSON"),
];

struct Shared;

impl Modify for Shared {
    fn modify(&self, doc: &mut openapi::OpenApi) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        let problem = || {
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build()
        };
        for path in doc.paths.paths.values_mut() {
            let operations = [
                (&mut path.get, false),
                (&mut path.put, true),
                (&mut path.post, true),
                (&mut path.delete, false),
            ];
            for (operation, takes_body) in operations {
                let Some(operation) = operation.as_mut() else {
                    continue;
                };
                operation.security =
                    Some(vec![SecurityRequirement::new("api_key", [] as [&str; 0])]);
                let extra: &[(&str, &str)] = if takes_body { &WITH_BODY } else { &[] };
                for (status, description) in SHARED.iter().chain(extra) {
                    operation
                        .responses
                        .responses
                        .entry((*status).to_owned())
                        .or_insert_with(|| {
                            ResponseBuilder::new()
                                .description(*description)
                                .content("application/problem+json", problem())
                                .build()
                                .into()
                        });
                }
            }
        }
    }
}
