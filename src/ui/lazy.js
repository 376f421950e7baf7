// lazy.js — loads the classroom pages' own module (class.js and class_bg.wasm, built by Trunk
// beside the page's module) when the address asks for a classroom page; see src/ui/lazy.rs.
// Owns only the dynamic import and the module's init (which runs its main).

export function importModule(url) {
  return import(url);
}

export function initModule(module) {
  return module.default();
}
