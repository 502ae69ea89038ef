//! `/api/v1/alignment`: a period's organisation as a tree, each person with their V2MOM.

use super::{
    key::Caller,
    problem::{ApiResult, QueryOf},
};
use crate::{
    model::{Period, PersonRef, V2momStatus},
    server::{alignment, state::AppState},
};
use axum::{Json, extract::State};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// `?period=` for the views of one period (the alignment tree, the organisation).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodParams {
    /// The period (default: the current one).
    pub period: Option<i64>,
}

/// A period's alignment tree in depth-first order.
#[derive(Debug, Serialize, ToSchema)]
pub struct Alignment {
    /// `null` when no period exists yet.
    pub period: Option<Period>,
    pub nodes: Vec<AlignmentNode>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AlignmentNode {
    pub person: PersonRef,
    /// 0 at the top of the organisation, as far as the caller can see.
    pub depth: u32,
    /// The person's V2MOM for the period, when there is one the caller may read.
    pub v2mom: Option<V2momRef>,
    /// How many of its methods align to a method above.
    pub aligned_methods: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct V2momRef {
    pub id: i64,
    pub status: V2momStatus,
}

/// Everyone the caller may see for a period, under their nearest visible manager.
#[utoipa::path(get, path = "/alignment", tag = "V2MOMs", params(PeriodParams),
    responses((status = 200, description = "The tree", body = Alignment)))]
pub async fn tree(
    State(state): State<AppState>,
    caller: Caller,
    QueryOf(params): QueryOf<PeriodParams>,
) -> ApiResult<Json<Alignment>> {
    let view = alignment::tree(&state, &caller, params.period).await?;
    Ok(Json(Alignment {
        period: view.period,
        nodes: view
            .nodes
            .into_iter()
            .map(|n| AlignmentNode {
                person: n.person,
                depth: n.depth,
                v2mom: n.v2mom.map(|(id, status)| V2momRef { id, status }),
                aligned_methods: n.aligned_methods,
            })
            .collect(),
    }))
}
