//! The buttons under a chart: export it as SVG or PNG.

use yew::prelude::*;

use playground_web::export;

#[derive(Properties, PartialEq)]
pub struct ChartToolsProps {
    /// The id of the chart's `<svg>`.
    pub target: AttrValue,
    /// File name without extension.
    pub name: AttrValue,
}

#[function_component(ChartTools)]
pub fn chart_tools(props: &ChartToolsProps) -> Html {
    let error = use_state(String::new);
    let export = |png: bool| {
        let (target, name, error) = (props.target.clone(), props.name.clone(), error.clone());
        Callback::from(move |_| {
            let result = if png {
                export::download_png(&target, &name)
            } else {
                export::download_svg(&target, &name)
            };
            error.set(result.err().map(|e| e.to_string()).unwrap_or_default());
        })
    };
    html! {
        <div class="chart-tools">
            <button type="button" class="small" data-testid={format!("svg-{}", props.name)} onclick={export(false)}>{ "SVG" }</button>
            <button type="button" class="small" data-testid={format!("png-{}", props.name)} onclick={export(true)}>{ "PNG" }</button>
            if !error.is_empty() {
                <span class="failed" role="alert">{ (*error).clone() }</span>
            }
        </div>
    }
}
