//! Exporting charts: an SVG file (the chart with its styles inlined), and a
//! PNG drawn from that SVG on a canvas; and the results as JSON, CSV or a
//! trace. Everything stays in the browser.

use thiserror::Error;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleRule, CssStyleSheet, HtmlCanvasElement, HtmlImageElement, XmlSerializer};

/// The styles an exported chart needs outside the page, read from the
/// page's own stylesheet so that there is one copy of them: its top-level
/// `:root` rules (the light colours; the dark ones are inside a media query)
/// and every top-level rule for `.chart`.
fn chart_css() -> String {
    let sheets = gloo::utils::document().style_sheets();
    let rules = (0..sheets.length())
        .filter_map(|i| sheets.item(i)?.dyn_into::<CssStyleSheet>().ok())
        .filter_map(|sheet| sheet.css_rules().ok());
    let mut css = String::new();
    for list in rules {
        for rule in (0..list.length()).filter_map(|j| list.item(j)) {
            let Some(rule) = rule.dyn_ref::<CssStyleRule>() else {
                continue;
            };
            let selector = rule.selector_text();
            if selector.starts_with(":root") || selector.contains(".chart") {
                css.push_str(&rule.css_text());
            }
        }
    }
    css
}

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
    style.set_text_content(Some(&chart_css()));
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
