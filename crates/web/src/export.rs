//! Exporting charts: an SVG file (the chart with its styles inlined), and a
//! PNG drawn from that SVG on a canvas; and the results as JSON, CSV or a
//! trace. Everything stays in the browser.

use thiserror::Error;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, HtmlImageElement, XmlSerializer};

/// Styles an exported chart needs outside the page (light colours).
const CHART_CSS: &str = "text{font:12px system-ui,sans-serif;fill:#1d1f23}\
.bar rect{fill:#60a5fa}.bar.fastest rect{fill:#22c55e}.spread{stroke:#1d1f23;stroke-width:2}\
.task{fill:#6366f1;stroke:#fff;stroke-width:1}.task.io{fill:#60a5fa;opacity:.55}.task.failed{fill:#b91c1c}.wait{fill:#b45309;opacity:.65}\
.axis{stroke:#5c6370}.ideal{stroke:#5c6370;stroke-dasharray:5 4;stroke-width:1.5}\
.amdahl{fill:none;stroke:#b45309;stroke-width:1.5}.measured{fill:none;stroke:#2563eb;stroke-width:2}\
.point{fill:#2563eb}\
.combined .band{fill:#f4f4f1}.combined .ct-group.odd .band{fill:none}.combined .grid{stroke:#d9dce1}\
.combined .model-name{font-weight:700}.combined .lane-label{font-size:12px;fill:#5c6370}\
.seg.compute{fill:#6366f1}.seg.gil{fill:url(#ct-hatch)}.hatch-bg{fill:#d97706}.hatch-line{stroke:#fff;stroke-width:2}\
.seg.io{fill:#bfdbfe;stroke:#3b82f6;stroke-width:.75}.seg.blocked{fill:#b45309}.seg.blocked.long{fill:#b91c1c}\
.seg.overhead{fill:none;stroke:#5c6370;stroke-dasharray:3 2}.seg.failed{stroke:#b91c1c;stroke-width:1.5}\
.ct-note{font-size:10px;fill:#5c6370;paint-order:stroke;stroke:#fff;stroke-width:3px}.ct-note.bad{fill:#b91c1c;font-weight:700}\
.playhead line{stroke:#1d1f23;stroke-width:1.5;stroke-dasharray:4 3}.ct-finished{font-size:11px;font-weight:700;fill:#15803d}.legend text{font-size:12px}";

/// Why a chart could not be exported; shown under the chart's buttons.
#[derive(Debug, Error)]
pub enum ExportError {
    #[error("no chart named {id} on the page")]
    NoChart { id: String },
    /// A browser API refused; the text says which step.
    #[error("{0}")]
    Browser(&'static str),
}

/// PNG pixels per SVG unit.
const PNG_SCALE: f64 = 2.0;

/// The chart with id `id` as a standalone SVG document.
///
/// # Errors
/// When there is no such chart or the browser cannot serialise it.
pub fn svg_text(id: &str) -> Result<String, ExportError> {
    let element = gloo::utils::document()
        .get_element_by_id(id)
        .ok_or_else(|| ExportError::NoChart { id: id.to_owned() })?;
    let copy = element
        .clone_node_with_deep(true)
        .map_err(|_| ExportError::Browser("the chart could not be copied"))?;
    let copy: web_sys::Element = copy.unchecked_into();
    let _ = copy.set_attribute("xmlns", "http://www.w3.org/2000/svg");
    let style = gloo::utils::document()
        .create_element_ns(Some("http://www.w3.org/2000/svg"), "style")
        .map_err(|_| ExportError::Browser("cannot add styles"))?;
    style.set_text_content(Some(CHART_CSS));
    let _ = copy.prepend_with_node_1(&style);
    let serializer = XmlSerializer::new().map_err(|_| ExportError::Browser("no XML serializer"))?;
    serializer
        .serialize_to_string(&copy)
        .map_err(|_| ExportError::Browser("the chart could not be serialised"))
}

/// Downloads the chart `id` as `<name>.svg`.
///
/// # Errors
/// As [`svg_text`].
pub fn download_svg(id: &str, name: &str) -> Result<(), ExportError> {
    let text = svg_text(id)?;
    super::browser::download(&format!("{name}.svg"), "image/svg+xml", &text);
    Ok(())
}

/// What the download buttons offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
    Csv,
}

/// Downloads the results as `concurrency-playground-results.<json|csv>`
/// (a CSV that cannot be written is reported on the console).
pub fn download_results(results: &playground_core::report::Results, format: ExportFormat) {
    match format {
        ExportFormat::Json => super::browser::download(
            "concurrency-playground-results.json",
            "application/json",
            &results.to_json_pretty(),
        ),
        ExportFormat::Csv => match playground_core::report::to_csv(results) {
            Ok(text) => {
                super::browser::download("concurrency-playground-results.csv", "text/csv", &text)
            }
            Err(e) => web_sys::console::error_1(&format!("CSV export failed: {e}").into()),
        },
    }
}

/// Downloads the run as a Chrome trace (Perfetto, `chrome://tracing`), named
/// `trace-<workload>-<models>.json`.
pub fn download_trace(results: &playground_core::report::Results) {
    super::browser::download(
        &playground_core::chart::trace_file_name(results),
        "application/json",
        &playground_core::chart::trace_json(results),
    );
}

/// Downloads the chart `id` as `<name>.png` (drawn at twice its size).
///
/// # Errors
/// As [`svg_text`], or when the browser cannot make an image.
pub fn download_png(id: &str, name: &str) -> Result<(), ExportError> {
    let text = svg_text(id)?;
    let element = gloo::utils::document()
        .get_element_by_id(id)
        .ok_or_else(|| ExportError::NoChart { id: id.to_owned() })?;
    let rect = element.get_bounding_client_rect();
    let (w, h) = (
        rect.width().max(1.0) * PNG_SCALE,
        rect.height().max(1.0) * PNG_SCALE,
    );
    let blob =
        gloo::file::Blob::new_with_options(js_sys::JsString::from(text), Some("image/svg+xml"));
    let url = gloo::file::ObjectUrl::from(blob);
    let src = url.to_string();
    let image =
        HtmlImageElement::new().map_err(|_| ExportError::Browser("cannot make an image"))?;
    let name = format!("{name}.png");
    let img = image.clone();
    // Once the SVG has loaded as an image: draw it, encode it, download it.
    // The listener owns the object URL, so it is revoked after use.
    gloo::events::EventListener::once(&image, "load", move |_| {
        if let Err(e) = draw_and_save(&img, w, h, &name) {
            web_sys::console::error_1(&e.to_string().into());
        }
        drop(url);
    })
    .forget();
    image.set_src(&src);
    Ok(())
}

fn draw_and_save(image: &HtmlImageElement, w: f64, h: f64, name: &str) -> Result<(), ExportError> {
    let canvas: HtmlCanvasElement = gloo::utils::document()
        .create_element("canvas")
        .map_err(|_| ExportError::Browser("cannot make a canvas"))?
        .unchecked_into();
    canvas.set_width(w as u32);
    canvas.set_height(h as u32);
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or(ExportError::Browser("no 2D canvas"))?
        .unchecked_into();
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, w, h);
    ctx.draw_image_with_html_image_element_and_dw_and_dh(image, 0.0, 0.0, w, h)
        .map_err(|_| ExportError::Browser("the chart could not be drawn"))?;
    let data_url = canvas
        .to_data_url_with_type("image/png")
        .map_err(|_| ExportError::Browser("the PNG could not be encoded"))?;
    let anchor = gloo::utils::document()
        .create_element("a")
        .map_err(|_| ExportError::Browser("cannot make a link"))?;
    let _ = anchor.set_attribute("href", &data_url);
    let _ = anchor.set_attribute("download", name);
    if let Some(a) = anchor.dyn_ref::<web_sys::HtmlElement>() {
        a.click();
    }
    Ok(())
}
