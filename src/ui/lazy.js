// lazy.js — the dynamic import() of the classroom pages' own module (class.js and class_bg.wasm,
// built by Trunk beside the page's module); see src/ui/lazy.rs, which starts the module.

export function importModule(url) {
  return import(url);
}
