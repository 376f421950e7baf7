// lazy.js — the dynamic import() of the modules the page loads on demand (the classroom pages'
// class.js, the results view's results.js; built by Trunk beside the page's module); see
// lazy.rs beside it, which starts them.

export function importModule(url) {
  return import(url);
}
