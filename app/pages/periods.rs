//! Administrators: the planning periods, and which one is current.

use crate::{
    api::{CreatePeriod, SetCurrentPeriod, manage_periods},
    components::{Checkbox, ErrorPage, Field, FormActions, FormError, action_error},
};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PeriodsPage() -> impl IntoView {
    let create = ServerAction::<CreatePeriod>::new();
    let current = ServerAction::<SetCurrentPeriod>::new();
    let periods = Resource::new(
        move || (create.version().get(), current.version().get()),
        |_| manage_periods(),
    );
    let create_error = action_error(create);
    let current_error = action_error(current);
    view! {
        <Title text="Periods" />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match periods.await {
                    Ok(periods) => view! {
                        <section class="narrow">
                            <h1>"Periods"</h1>
                            <p class="lead">"Each V2MOM belongs to one period, such as a fiscal year."</p>
                            <table class="list">
                                <thead>
                                    <tr>
                                        <th scope="col">"Name"</th>
                                        <th scope="col">"Starts"</th>
                                        <th scope="col">"Ends"</th>
                                        <th scope="col">"Current"</th>
                                        <th scope="col">"V2MOMs"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {periods
                                        .into_iter()
                                        .map(|p| view! {
                                            <tr>
                                                <td>{p.name}</td>
                                                <td>{p.starts_on}</td>
                                                <td>{p.ends_on}</td>
                                                <td>
                                                    {if p.is_current {
                                                        view! { <strong>"Current"</strong> }.into_any()
                                                    } else {
                                                        view! {
                                                            <ActionForm action=current>
                                                                <input type="hidden" name="id" value=p.id />
                                                                <button type="submit" class="secondary">"Make current"</button>
                                                            </ActionForm>
                                                        }.into_any()
                                                    }}
                                                </td>
                                                <td>
                                                    <a href=format!("/admin/periods/{}/export.csv", p.id) download rel="external">
                                                        "Download CSV"
                                                    </a>
                                                </td>
                                            </tr>
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                            <FormError error=current_error />
                            <h2>"Add a period"</h2>
                            <ActionForm action=create>
                                <Field label="Name" name="name" error=create_error hint="For example FY2027." />
                                <Field label="Starts on" name="starts_on" kind="date" error=create_error />
                                <Field label="Ends on" name="ends_on" kind="date" error=create_error />
                                <Checkbox label="Make it the current period" name="current" />
                                <FormActions error=create_error pending=create.pending() label="Add period" />
                            </ActionForm>
                        </section>
                    }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
