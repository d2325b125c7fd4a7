// Starts the vendored GraphiQL on #graphiql (cms/templates/cms/graphiql.html). It lives in a
// static file, not in the page, so a Content-Security-Policy of `script-src 'self'` allows it.
// The endpoint and the default tabs come from the element's data attributes, which
// cms/graphql/ide.py fills in; React, ReactDOM and GraphiQL are the globals of the UMD builds
// loaded before this file.
(function () {
  "use strict";

  var root = document.getElementById("graphiql");
  var fetcher = GraphiQL.createFetcher({ url: root.dataset.endpoint });

  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultTabs: JSON.parse(root.dataset.defaultTabs),
      defaultEditorToolsVisibility: true,
    })
  );
})();
