//! The class chart: each run's speedup over `sequential` against the
//! logical cores it could use, one colour per model, the ideal line
//! (speedup = cores), and the reference runs drawn apart (hollow diamonds).
//! Colours are attributes, not classes, so an exported SVG keeps them.
//! Pixels only: the series are `classroom::speedup_series`'s.

use yew::prelude::*;

use playground_core::classroom::{ideal_line, SpeedupSeries};

const W: f64 = 640.0;
const H: f64 = 300.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 150.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 34.0;

/// A model's colour (mid tones, readable on light and dark backgrounds).
pub fn model_colour(model: &str) -> &'static str {
    match model {
        "threads" => "#2563eb",
        "async" => "#0f9d58",
        "gil" => "#c2410c",
        "processes" => "#9333ea",
        "main-thread" => "#dc2626",
        "sequential" => "#64748b",
        _ => "#0e7490",
    }
}

#[derive(Properties, PartialEq)]
pub struct ClassChartProps {
    /// The `<svg>`'s id (for the export buttons).
    pub id: AttrValue,
    pub series: Vec<SpeedupSeries>,
}

#[function_component(ClassChart)]
pub fn class_chart(props: &ClassChartProps) -> Html {
    let [_, (most, _)] = ideal_line(&props.series);
    let x_max = most.max(2.0);
    let y_max = props
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.speedup))
        .fold(x_max, f64::max)
        .ceil();
    let x = |c: f64| LEFT + (c - 1.0) / (x_max - 1.0) * (W - LEFT - RIGHT);
    let y = |s: f64| TOP + (1.0 - s / y_max) * (H - TOP - BOTTOM);
    let step = if x_max <= 16.0 {
        1
    } else {
        (x_max / 8.0).ceil() as u32
    };
    let x_ticks: Vec<u32> = (1..=x_max as u32)
        .filter(|c| *c == 1 || c % step == 0)
        .collect();
    let y_step = (y_max / 4.0).ceil().max(1.0);
    let y_ticks: Vec<f64> = (0..=4)
        .map(|k| f64::from(k) * y_step)
        .filter(|v| *v <= y_max)
        .collect();
    let count = props.series.len().max(1) as f64;
    // Models side by side around each core count, so equal points stay visible.
    let nudge = |k: usize| (k as f64 - (count - 1.0) / 2.0) * 0.12_f64.min(0.6 / count);
    let title_id = format!("{}-title", props.id);
    let desc_id = format!("{}-desc", props.id);
    html! {
        <svg class="chart class-chart" role="img" id={props.id.clone()} data-testid="class-chart"
             viewBox={format!("0 0 {W} {H}")} aria-labelledby={format!("{title_id} {desc_id}")}>
            <title id={title_id}>{ "Speedup over sequential against logical cores" }</title>
            <desc id={desc_id}>{ "One dot per run and model; the dashed line is the ideal (speedup equal to the cores); \
                hollow diamonds are reference runs recorded elsewhere on a 16-core machine." }</desc>
            <line class="axis" x1={LEFT.to_string()} y1={y(0.0).to_string()} x2={(W - RIGHT).to_string()} y2={y(0.0).to_string()} />
            <line class="axis" x1={LEFT.to_string()} y1={y(0.0).to_string()} x2={LEFT.to_string()} y2={TOP.to_string()} />
            { for y_ticks.iter().map(|v| html! {
                <text class="axis-label" x={(LEFT - 6.0).to_string()} y={(y(*v) + 4.0).to_string()} text-anchor="end">{ format!("{v:.0}x") }</text>
            }) }
            { for x_ticks.iter().map(|c| html! {
                <text class="axis-label" x={x(f64::from(*c)).to_string()} y={(H - BOTTOM + 16.0).to_string()} text-anchor="middle">{ c }</text>
            }) }
            <text class="axis-label" x={((LEFT + W - RIGHT) / 2.0).to_string()} y={(H - 4.0).to_string()} text-anchor="middle">{ "logical cores used" }</text>
            <line class="ideal" x1={x(1.0).to_string()} y1={y(1.0).to_string()} x2={x(x_max).to_string()} y2={y(x_max).to_string()} />
            <text class="axis-label" x={(x(x_max) + 4.0).to_string()} y={(y(x_max) + 4.0).to_string()}>{ "ideal" }</text>
            { for props.series.iter().enumerate().map(|(k, s)| {
                let colour = model_colour(&s.model);
                html! {
                    <g class="class-series" data-model={s.model.clone()}>
                        { for s.points.iter().map(|p| {
                            let (cx, cy) = (x(f64::from(p.cores) + nudge(k)), y(p.speedup));
                            let title = format!("{}{}: {} {:.2}x on {} cores", p.source,
                                if p.reference { " (reference, recorded elsewhere)" } else { "" },
                                s.model, p.speedup, p.cores);
                            if p.reference {
                                html! {
                                    <path class="class-point reference" tabindex="0" fill="none" stroke={colour} stroke-width="2"
                                          d={format!("M{cx:.1} {:.1} l6 6 l-6 6 l-6 -6 z", cy - 6.0)}>
                                        <title>{ title }</title>
                                    </path>
                                }
                            } else {
                                html! {
                                    <circle class="class-point" tabindex="0" fill={colour} cx={format!("{cx:.1}")} cy={format!("{cy:.1}")} r="5">
                                        <title>{ title }</title>
                                    </circle>
                                }
                            }
                        }) }
                    </g>
                }
            }) }
            { for props.series.iter().enumerate().map(|(k, s)| {
                let ly = TOP + 8.0 + k as f64 * 20.0;
                html! {
                    <g class="legend">
                        <circle cx={(W - RIGHT + 24.0).to_string()} cy={ly.to_string()} r="5" fill={model_colour(&s.model)} />
                        <text x={(W - RIGHT + 34.0).to_string()} y={(ly + 4.0).to_string()}>{ s.model.clone() }</text>
                    </g>
                }
            }) }
            if props.series.iter().any(|s| s.points.iter().any(|p| p.reference)) {
                <g class="legend">
                    <path fill="none" stroke="currentColor" class="axis" stroke-width="2"
                          d={format!("M{:.1} {:.1} l5 5 l-5 5 l-5 -5 z", W - RIGHT + 24.0, TOP + 8.0 + count * 20.0 - 5.0)} />
                    <text x={(W - RIGHT + 34.0).to_string()} y={(TOP + 12.0 + count * 20.0).to_string()}>{ "reference" }</text>
                </g>
            }
        </svg>
    }
}
