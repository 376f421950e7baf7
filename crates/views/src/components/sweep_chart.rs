//! The thread sweep's result: speedup and efficiency against the ideal
//! line, with Amdahl's law fitted to the points, and the data table. Drawn
//! by the results module (`crate::remote`); the sweep's form is `sweep`'s.

use yew::prelude::*;

use super::chart_tools::ChartTools;
use playground_core::chart::{amdahl_serial_fraction, amdahl_speedup, sweep_points, SweepPoint};
use playground_core::state::Sweep;

#[derive(Properties, PartialEq)]
pub struct SweepResultProps {
    pub sweep: Sweep,
}

/// The sweep's result: progress, error, chart, fit and data table.
#[function_component(SweepResult)]
pub fn sweep_result(props: &SweepResultProps) -> Html {
    let sweep = &props.sweep;
    let points = sweep_points(&sweep.measured).unwrap_or_default();
    let fit = amdahl_serial_fraction(&points);
    html! {
        <div class="sweep-result" data-testid="sweep-result" data-points={points.len().to_string()}>
            if let Some(error) = &sweep.error {
                <p class="failed">{ format!("The sweep stopped: {error}") }</p>
            }
            if sweep.running {
                <p class="note">{ format!("Measuring {} on {} of {} thread counts… Each thread count \
                    first starts an engine and pool of its own, not counted in its time.",
                    sweep.model.label(), sweep.measured.len() + 1, sweep.max_threads) }</p>
            }
            if !points.is_empty() {
                <SpeedupChart points={points.clone()} max_threads={sweep.max_threads} serial={fit} />
                <ChartTools target="chart-sweep" name="sweep" />
                if let Some(f) = fit {
                    <p data-testid="amdahl">{ format!(
                        "Amdahl's law fits a serial fraction of {:.0}%: at most {:.1}x, however many threads.",
                        f * 100.0, if f > 0.0 { 1.0 / f } else { f64::INFINITY }) }</p>
                }
                <details>
                    <summary>{ "Data table" }</summary>
                    <table class="tasks">
                        <thead><tr><th scope="col">{ "Threads" }</th><th scope="col">{ "Wall (ms)" }</th>
                            <th scope="col">{ "Speedup" }</th><th scope="col">{ "Efficiency" }</th></tr></thead>
                        <tbody>
                            { for points.iter().map(|p| html! {
                                <tr><td>{ p.threads }</td><td>{ format!("{:.1}", p.wall_ms) }</td>
                                    <td>{ format!("{:.2}x", p.speedup) }</td>
                                    <td>{ format!("{:.0}%", p.efficiency * 100.0) }</td></tr>
                            }) }
                        </tbody>
                    </table>
                </details>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SpeedupProps {
    points: Vec<SweepPoint>,
    max_threads: u32,
    serial: Option<f64>,
}

/// Speedup against threads: the measured points, the ideal line, the Amdahl fit.
#[function_component(SpeedupChart)]
fn speedup_chart(props: &SpeedupProps) -> Html {
    let (w, h, left, bottom, top) = (640.0, 260.0, 50.0, 30.0, 10.0);
    let k = f64::from(props.max_threads.max(2));
    let y_max = props
        .points
        .iter()
        .map(|p| p.speedup)
        .fold(k, f64::max)
        .ceil();
    let x = |t: f64| left + (t - 1.0) / (k - 1.0) * (w - left - 20.0);
    let y = |s: f64| top + (1.0 - s / y_max) * (h - top - bottom);
    let measured: String = props
        .points
        .iter()
        .map(|p| format!("{:.1},{:.1}", x(f64::from(p.threads)), y(p.speedup)))
        .collect::<Vec<_>>()
        .join(" ");
    let amdahl: Option<String> = props.serial.map(|f| {
        (1..=props.max_threads.max(2))
            .map(|t| format!("{:.1},{:.1}", x(f64::from(t)), y(amdahl_speedup(f, t))))
            .collect::<Vec<_>>()
            .join(" ")
    });
    html! {
        <svg class="chart sweep-chart" role="img" id="chart-sweep" viewBox={format!("0 0 {w} {h}")} aria-labelledby="sweep-chart-title sweep-chart-desc">
            <title id="sweep-chart-title">{ "Speedup by number of threads" }</title>
            <desc id="sweep-chart-desc">{ "Measured speedup (dots), the ideal (dashed) and Amdahl's law fitted to the points (thin line)." }</desc>
            <line class="axis" x1={left.to_string()} y1={y(0.0).to_string()} x2={(w - 20.0).to_string()} y2={y(0.0).to_string()} />
            <line class="axis" x1={left.to_string()} y1={y(0.0).to_string()} x2={left.to_string()} y2={top.to_string()} />
            <line class="ideal" x1={x(1.0).to_string()} y1={y(1.0).to_string()} x2={x(k).to_string()} y2={y(k).to_string()} />
            if let Some(points) = amdahl {
                <polyline class="amdahl" points={points} />
            }
            <polyline class="measured" points={measured} />
            { for props.points.iter().map(|p| html! {
                <circle class="point" tabindex="0" cx={x(f64::from(p.threads)).to_string()} cy={y(p.speedup).to_string()} r="4">
                    <title>{ format!("{} threads: {:.1} ms, {:.2}x, efficiency {:.0}%", p.threads, p.wall_ms, p.speedup, p.efficiency * 100.0) }</title>
                </circle>
            }) }
            { for (1..=props.max_threads.max(2)).map(|t| html! {
                <text class="axis-label" x={x(f64::from(t)).to_string()} y={(h - 8.0).to_string()} text-anchor="middle">{ t }</text>
            }) }
            <text class="axis-label" x="4" y={(y(y_max) + 10.0).to_string()}>{ format!("{y_max:.0}x") }</text>
            <text class="axis-label" x="4" y={y(1.0).to_string()}>{ "1x" }</text>
        </svg>
    }
}
