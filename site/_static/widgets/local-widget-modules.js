// Loaded after require.js and before html-manager's embed-amd.js (site/conf.py keeps that order),
// from the folder that holds the copies site/vendor.py makes.
//
// html-manager asks require.js for a widget module it does not bundle (the notebooks' anywidget
// models), first by name, then from a CDN. Here the name leads to the copy in this folder, and
// any other address is refused: a saved widget whose module the site lacks shows an error (and
// html-manager logs this one), and never fetches code from the internet.
(() => {
  const here = document.currentScript.src.replace(/[^/]*$/, ""); // this folder, without ?v=
  // embed-amd.js defines these modules itself; each finds its fonts beside the file require.js
  // believes it came from, so name the real one.
  const bundled = [
    "@jupyter-widgets/base",
    "@jupyter-widgets/base7",
    "@jupyter-widgets/controls",
    "@jupyter-widgets/controls7",
    "@jupyter-widgets/html-manager",
    "@jupyter-widgets/html-manager/dist/libembed-amd",
  ];
  const paths = Object.fromEntries(bundled.map((name) => [name, `${here}embed-amd`]));
  requirejs.config({ paths: { ...paths, anywidget: `${here}anywidget` } });

  const load = requirejs.load;
  requirejs.load = (context, name, url) => {
    if (url.startsWith(here)) return load(context, name, url);
    const error = new Error(
      `Widget module ${name} is not part of the reading site; not loading it from ${url}`,
    );
    error.requireModules = [name];
    context.onError(error);
  };
})();
