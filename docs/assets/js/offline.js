// Registers the site's service worker (sw.js, written by Workbox at build time: scripts/
// service_worker.mjs), which keeps every page and the calculators' runtime so that, after one
// visit, the site works offline and a repeat visit downloads nothing large
// (README, "Offline and repeat visits"). Every page loads this file.
//
// When: on a page with a calculator, once its Python is ready, so that the worker's copy of the
// runtime comes from the browser's HTTP cache, where the page has just put it, and does not
// compete with it for the connection. On any other page, once the page has loaded, unless the
// reader has asked to save data (Save-Data): then nothing large is fetched until they open a
// calculator.
const root = new URL("../../", import.meta.url);
const READY = "calculators:python-ready"; // the glue's mark (calculators.js)

function register() {
  navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.href }).catch((error) => {
    console.warn("The site could not be kept for offline use:", error);
  });
}

if ("serviceWorker" in navigator) {
  let registered = false;
  const once = () => {
    if (!registered) register();
    registered = true;
  };
  const marks = new PerformanceObserver((list) => {
    if (list.getEntriesByName(READY).length) {
      marks.disconnect();
      once();
    }
  });
  marks.observe({ type: "mark", buffered: true });
  const saveData = navigator.connection?.saveData === true;
  if (!saveData && !document.querySelector("[data-calculator]")) {
    if (document.readyState === "complete") once();
    else addEventListener("load", once, { once: true });
  }
}
