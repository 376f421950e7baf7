//! The comparison bars, wall time per model, drawn twice: wide (each label
//! beside its bar) and narrow (each label above its bar, for phones). The
//! stylesheet shows the one that fits (`.chart.comparison.narrow`); the
//! wide one is the one exported. One SVG scaled down to a phone's width drew
//! its words at ~6 px.

use yew::prelude::*;

use playground_core::chart::Bar;

/// The wide drawing's width, in SVG units (and its px at full size).
const WIDTH: f64 = 640.0;
const LABEL_W: f64 = 170.0;
const ROW_H: f64 = 26.0;
/// The narrow drawing's width: a phone's column, so its words stay ~12 px.
const NARROW_WIDTH: f64 = 340.0;
/// A narrow row: a line of words, then the bar.
const NARROW_ROW_H: f64 = 40.0;

#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    pub bars: Vec<Bar>,
}

/// The longest bar's end, ms (never 0).
fn scale_max(bars: &[Bar]) -> f64 {
    bars.iter()
        .map(|b| b.max_ms)
        .fold(0.0_f64, f64::max)
        .max(1e-3)
}

/// "12.7 ms (1.00x) fastest": the words at a bar's end.
fn value_label(b: &Bar) -> String {
    let fastest = if b.fastest { "  fastest" } else { "" };
    match b.speedup {
        Some(s) => format!("{:.1} ms  ({s:.2}x){fastest}", b.value_ms),
        None => format!("{:.1} ms{fastest}", b.value_ms),
    }
}

/// Both drawings; CSS shows one.
#[function_component(ComparisonChart)]
pub fn comparison_chart(props: &ComparisonProps) -> Html {
    html! {
        <>
            <Wide bars={props.bars.clone()} />
            <Narrow bars={props.bars.clone()} />
        </>
    }
}

/// Labels in a column on the left, bars beside them, values at their ends.
#[function_component(Wide)]
fn wide(props: &ComparisonProps) -> Html {
    let max = scale_max(&props.bars);
    let plot_w = WIDTH - LABEL_W - 150.0;
    let height = ROW_H * props.bars.len() as f64 + 8.0;
    let x = |ms: f64| LABEL_W + ms / max * plot_w;
    html! {
        <svg class="chart comparison" role="img" aria-labelledby="cmp-title cmp-desc" id="chart-comparison"
             viewBox={format!("0 0 {WIDTH} {height}")} data-testid="comparison-chart">
            <title id="cmp-title">{ "Wall time per model" }</title>
            <desc id="cmp-desc">{ "Shorter bars are faster. Whiskers show the fastest and slowest of repeated runs." }</desc>
            { for props.bars.iter().enumerate().map(|(i, b)| {
                let y = 4.0 + i as f64 * ROW_H;
                html! {
                    <g class={classes!("bar", b.fastest.then_some("fastest"))} data-model={b.model.as_str()} tabindex="0">
                    <title>{ format!("{}: {:.1} ms", b.model.label(), b.value_ms) }</title>
                        <text x="0" y={(y + 16.0).to_string()} class="axis-label">{ b.model.chart_label() }</text>
                        <rect x={LABEL_W.to_string()} y={(y + 3.0).to_string()}
                              width={(x(b.value_ms) - LABEL_W).max(1.0).to_string()} height={(ROW_H - 8.0).to_string()} rx="3" />
                        if b.max_ms > b.min_ms {
                            <line class="spread" x1={x(b.min_ms).to_string()} x2={x(b.max_ms).to_string()}
                                  y1={(y + 12.0).to_string()} y2={(y + 12.0).to_string()} />
                        }
                        <text x={(x(b.max_ms) + 6.0).to_string()} y={(y + 16.0).to_string()} class="value-label">{ value_label(b) }</text>
                    </g>
                }
            }) }
        </svg>
    }
}

/// Per model a line of words (its name on the left, its time on the right),
/// and its bar across the whole width below.
#[function_component(Narrow)]
fn narrow(props: &ComparisonProps) -> Html {
    let max = scale_max(&props.bars);
    let height = NARROW_ROW_H * props.bars.len() as f64 + 4.0;
    let x = |ms: f64| ms / max * NARROW_WIDTH;
    html! {
        <svg class="chart comparison narrow" role="img" aria-labelledby="cmp-n-title cmp-n-desc"
             viewBox={format!("0 0 {NARROW_WIDTH} {height}")} data-testid="comparison-chart-narrow">
            <title id="cmp-n-title">{ "Wall time per model" }</title>
            <desc id="cmp-n-desc">{ "Shorter bars are faster. Whiskers show the fastest and slowest of repeated runs." }</desc>
            { for props.bars.iter().enumerate().map(|(i, b)| {
                let y = 2.0 + i as f64 * NARROW_ROW_H;
                html! {
                    <g class={classes!("bar", b.fastest.then_some("fastest"))} data-model={b.model.as_str()} tabindex="0">
                        <title>{ format!("{}: {:.1} ms", b.model.label(), b.value_ms) }</title>
                        <text x="0" y={(y + 13.0).to_string()} class="axis-label">{ b.model.chart_label() }</text>
                        <text x={NARROW_WIDTH.to_string()} y={(y + 13.0).to_string()} text-anchor="end"
                              class="value-label">{ value_label(b) }</text>
                        <rect x="0" y={(y + 18.0).to_string()} width={x(b.value_ms).max(1.0).to_string()}
                              height="14" rx="3" />
                        if b.max_ms > b.min_ms {
                            <line class="spread" x1={x(b.min_ms).to_string()} x2={x(b.max_ms).to_string()}
                                  y1={(y + 25.0).to_string()} y2={(y + 25.0).to_string()} />
                        }
                    </g>
                }
            }) }
        </svg>
    }
}
