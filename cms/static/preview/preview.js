/*
 * The reference preview frontend (cms/preview_frontend.py, docs/graphql.md "Preview and the
 * reference frontend"): what a frontend's preview route does, in plain JavaScript.
 *
 * 1. Read `token` from the address the editor's Preview opened (/preview/?token=…).
 * 2. POST the GraphQL document preview.graphql to the public API with the token as
 *    `previewToken`, as JSON with an operationName, without cookies: the token alone is the key.
 * 3. Render the answer by its __typename, block by block. Plain text always goes through
 *    textContent; only the fields the API documents as sanitised HTML (ParagraphBlock.html,
 *    PersonPage.biography) are inserted as HTML.
 * Errors (an expired or invalid token, a page that is gone) are shown with the API's message
 * and error code.
 *
 * No build step, no dependencies, nothing from another host, no inline script.
 */
"use strict";

(function () {
  const root = document.getElementById("preview");
  const config = {
    endpoint: root.dataset.endpoint,
    queryUrl: root.dataset.queryUrl,
    operationName: root.dataset.operationName,
  };

  // What an editor can do about an error, by the API's error code.
  const ERROR_ADVICE = {
    PREVIEW_TOKEN_EXPIRED: "Press Preview in the CMS again for a new link.",
    PREVIEW_TOKEN_INVALID:
      "The address is incomplete or was changed: open the preview from the CMS's page editor.",
    PREVIEW_NOT_FOUND:
      "The page was deleted, or this preview is older than the preview lifetime: " +
      "press Preview in the CMS again.",
    NO_TOKEN: "Open this page with Preview in the CMS's page editor; it adds ?token=… here.",
    RATE_LIMITED: "Too many requests from this address: wait a moment and reload.",
    SERVICE_UNAVAILABLE: "The CMS cannot reach its database right now: reload in a moment.",
  };

  const EVENT_KINDS = {
    FORUM: "Forum",
    EXPERT_MISSION: "Expert mission",
    WEBINAR: "Webinar",
    TRADE_FAIR: "Trade fair",
    OTHER: "Other",
  };

  class PreviewError extends Error {
    constructor(message, code) {
      super(message);
      this.code = code;
    }
  }

  // --- Talking to the API --------------------------------------------------------------------

  async function loadQuery() {
    const response = await fetch(config.queryUrl, { credentials: "omit" });
    if (!response.ok) {
      throw new PreviewError(`The query file answered HTTP ${response.status}.`, "QUERY_FILE");
    }
    return response.text();
  }

  async function fetchPreview(token) {
    const query = await loadQuery();
    const response = await fetch(config.endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      // The public API trusts no cookie; a frontend on another origin would have none.
      credentials: "omit",
      body: JSON.stringify({
        query,
        variables: { token },
        operationName: config.operationName,
      }),
    });
    let body;
    try {
      body = await response.json();
    } catch {
      throw new PreviewError(`The API answered HTTP ${response.status}, not JSON.`, "NOT_JSON");
    }
    if (body.errors && body.errors.length) {
      const [first] = body.errors;
      throw new PreviewError(first.message, first.extensions?.code || "GRAPHQL_ERROR");
    }
    if (!body.data || !body.data.page) {
      throw new PreviewError("The API found no page for this token.", "PREVIEW_NOT_FOUND");
    }
    return body;
  }

  // --- Building the DOM ----------------------------------------------------------------------

  /** An element with attributes (null, undefined and false are left out) and children;
   * strings become text nodes, so they are never parsed as HTML. */
  function h(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== null && value !== undefined && value !== false) {
        node.setAttribute(name, value === true ? "" : String(value));
      }
    }
    for (const child of children.flat(Infinity)) {
      if (child !== null && child !== undefined && child !== false && child !== "") {
        node.append(child instanceof Node ? child : String(child));
      }
    }
    return node;
  }

  /** HTML the API sanitised (rich text): inserted as it comes. */
  function richText(html, className) {
    const container = h("div", { class: `rich-text ${className || ""}`.trim() });
    container.innerHTML = html;
    return container;
  }

  function json(value) {
    return h("pre", { class: "json" }, JSON.stringify(value, null, 2));
  }

  /** A link to a page of the site: its path belongs to the frontend's routes, not to this host. */
  function pageLink(link) {
    if (!link) return null;
    return h("span", { class: "page-link" }, link.title, " ", h("code", {}, link.path));
  }

  function externalLink(url, text) {
    if (!url) return null;
    return h("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, text || url);
  }

  function list(items, render) {
    if (!items || !items.length) return null;
    return h("ul", { class: "inline-list" }, items.map((item) => h("li", {}, render(item))));
  }

  function person(link) {
    return [pageLink(link), link.role ? ` (${link.role})` : null];
  }

  function organisation(org) {
    const name = org.shortName && org.shortName !== org.name ? `${org.name} (${org.shortName})` : org.name;
    return org.website ? externalLink(org.website, name) : name;
  }

  /** A date-time in the given time zone and the page's language, with the ISO value kept. */
  function dateTime(iso, timeZone, locale) {
    if (!iso) return null;
    let text = iso;
    try {
      text = new Intl.DateTimeFormat(locale, {
        dateStyle: "full",
        timeStyle: "short",
        timeZone: timeZone || undefined,
      }).format(new Date(iso));
    } catch {
      // An unknown locale or zone: the ISO value is still exact.
    }
    return h("time", { datetime: iso, title: iso }, text, timeZone ? ` (${timeZone})` : null);
  }

  function date(iso, locale) {
    if (!iso) return null;
    const [year, month, day] = iso.split("-").map(Number);
    const text = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(
      new Date(Date.UTC(year, month - 1, day)),
    );
    return h("time", { datetime: iso }, text);
  }

  /** A definition list of [label, value] rows; rows without a value are left out. */
  function facts(rows, className) {
    const shown = rows.filter(([, value]) => value !== null && value !== undefined && value !== "");
    if (!shown.length) return null;
    return h(
      "dl",
      { class: `facts ${className || ""}`.trim() },
      shown.map(([label, value]) => [h("dt", {}, label), h("dd", {}, value)]),
    );
  }

  function section(title, className, ...content) {
    const body = content.flat(Infinity).filter((node) => node !== null && node !== undefined);
    if (!body.length) return null;
    return h("section", { class: className }, h("h2", { class: "section-title" }, title), body);
  }

  function image(img, { alt, caption, credit, sizes } = {}) {
    if (!img) return null;
    const picture = h("img", {
      src: img.rendition.url,
      width: img.rendition.width,
      height: img.rendition.height,
      srcset: img.srcSet || null,
      sizes: img.srcSet ? sizes || "(max-width: 960px) 100vw, 800px" : null,
      alt: alt || img.altText,
      loading: "lazy",
    });
    const notes = [caption, credit ? `© ${credit}` : null].filter(Boolean).join(" · ");
    return h("figure", { class: "image" }, picture, notes ? h("figcaption", {}, notes) : null);
  }

  // --- StreamField blocks, by __typename -----------------------------------------------------

  const BLOCKS = {
    HeadingBlock: (block) => h(["h2", "h3", "h4"].includes(block.level) ? block.level : "h2", {}, block.text),
    ParagraphBlock: (block) => richText(block.html, "paragraph"),
    ImageBlock: (block) =>
      image(block.image, { alt: block.altText, caption: block.caption, credit: block.credit }) ||
      h("p", { class: "missing" }, "(an image that was deleted)"),
    QuoteBlock: (block) =>
      h(
        "figure",
        { class: "quote" },
        h("blockquote", {}, h("p", {}, block.text)),
        block.attribution ? h("figcaption", {}, `— ${block.attribution}`) : null,
      ),
    // A frontend embeds the video with its own player; the preview loads nothing from the video's
    // host and links it instead.
    EmbedBlock: (block) => h("p", { class: "embed" }, "Embedded: ", externalLink(block.url)),
    CallToActionBlock: (block) =>
      h(
        "p",
        { class: "call-to-action" },
        h("span", { class: "button" }, block.text),
        " → ",
        block.page ? pageLink(block.page) : externalLink(block.externalUrl),
      ),
    DocumentBlock: (block) =>
      block.document
        ? h(
            "p",
            { class: "document" },
            h("a", { href: block.document.url }, block.title),
            ` (${block.document.fileExtension.toUpperCase()}${fileSize(block.document.fileSize)})`,
          )
        : h("p", { class: "missing" }, `${block.title} (a document that was deleted)`),
    AgendaItemBlock: (block, page) =>
      h(
        "div",
        { class: "agenda-item" },
        h(
          "p",
          { class: "agenda-time" },
          block.day ? [date(block.day, page.locale), ", "] : null,
          block.startTime,
          block.endTime ? `–${block.endTime}` : null,
        ),
        h("p", { class: "agenda-title" }, block.title),
        block.description ? h("p", {}, block.description) : null,
        list(block.speakers, person),
      ),
  };

  function fileSize(bytes) {
    if (!bytes) return "";
    return bytes >= 1024 * 1024
      ? `, ${(bytes / 1024 / 1024).toFixed(1)} MB`
      : `, ${Math.max(1, Math.round(bytes / 1024))} kB`;
  }

  /** One block; a type this frontend does not know yet is shown as the API gave it. */
  function block(value, page) {
    const render = BLOCKS[value.__typename];
    const content = render
      ? render(value, page)
      : [h("p", { class: "unknown-block" }, `No renderer for ${value.__typename}; its data:`), json(value)];
    return h("div", { class: "block", "data-block-type": value.__typename, "data-block-id": value.id }, content);
  }

  function blocks(title, values, page) {
    if (!values || !values.length) return null;
    return section(title, "blocks", values.map((value) => block(value, page)));
  }

  // --- Pages, by __typename ------------------------------------------------------------------

  function eventPage(page) {
    const zone = page.timeZone;
    return [
      page.summary ? h("p", { class: "lead" }, page.summary) : null,
      image(page.mainImage),
      facts([
        ["Kind", EVENT_KINDS[page.kind] || page.kind],
        ["Starts", dateTime(page.start, zone, page.locale)],
        ["Ends", dateTime(page.end, zone, page.locale)],
        ["City", page.city],
        ["Venue", page.venue],
        ["Address", page.address],
        ["Online", externalLink(page.onlineUrl)],
        ["Registration", externalLink(page.registrationUrl)],
        ["Calendar", externalLink(page.icsUrl, "Add to calendar (.ics)")],
        ["Part of", pageLink(page.parentEvent)],
        ["Topics", list(page.topics, (topic) => topic.name)],
        ["Organisers", list(page.organisers, organisation)],
        ["Speakers", list(page.speakers, person)],
        ["Participants", list(page.participants, person)],
        [
          "Parts of this event",
          list(page.subEvents, (sub) => [pageLink(sub), ", ", dateTime(sub.start, sub.timeZone, page.locale)]),
        ],
      ], "event-facts"),
      blocks("Programme", page.programme, page),
      blocks("Body", page.body, page),
    ];
  }

  function newsPage(page) {
    return [
      h("p", { class: "dateline" }, date(page.date, page.locale)),
      page.summary ? h("p", { class: "lead" }, page.summary) : null,
      image(page.mainImage),
      facts([["Topics", list(page.topics, (topic) => topic.name)]]),
      blocks("Body", page.body, page),
      facts([
        ["Related events", list(page.relatedEvents, pageLink)],
        ["Related people", list(page.relatedPeople, person)],
      ]),
    ];
  }

  function homePage(page) {
    return [
      page.intro ? h("p", { class: "lead" }, page.intro) : null,
      image(page.heroImage),
      blocks("Body", page.body, page),
      facts([
        ["Featured news", list(page.featuredNews, (item) => [pageLink(item), ", ", date(item.date, page.locale)])],
        [
          "Featured events",
          list(page.featuredEvents, (item) => [pageLink(item), ", ", dateTime(item.start, item.timeZone, page.locale)]),
        ],
      ]),
    ];
  }

  function standardPage(page) {
    return [page.intro ? h("p", { class: "lead" }, page.intro) : null, blocks("Body", page.body, page)];
  }

  function personPage(page) {
    return [
      page.role ? h("p", { class: "lead" }, page.role) : null,
      image(page.photo, { sizes: "320px" }),
      facts([
        ["Name", page.name],
        ["Organisation", page.organisation ? organisation(page.organisation) : null],
        ["Country", page.countryName ? `${page.countryName} (${page.country})` : null],
        ["Links", list(page.links, (link) => externalLink(link.url, link.label))],
        [
          "Awards",
          list(page.awardProfiles, (profile) =>
            [`${profile.award.name} ${profile.year}`, profile.citation ? `: ${profile.citation}` : null],
          ),
        ],
      ]),
      page.biography ? section("Biography", "biography", richText(page.biography, "biography")) : null,
    ];
  }

  function indexPage(page) {
    return [
      page.intro ? h("p", { class: "lead" }, page.intro) : null,
      h("p", { class: "note" }, "A listing page: a frontend lists its items with the listing queries."),
    ];
  }

  const PAGES = {
    EventPage: eventPage,
    NewsPage: newsPage,
    HomePage: homePage,
    StandardPage: standardPage,
    PersonPage: personPage,
    EventIndexPage: indexPage,
    NewsIndexPage: indexPage,
    PeopleIndexPage: indexPage,
  };

  /** The fields of the Page interface, which every page has. */
  function pageFields(page) {
    const status = page.translationStatus;
    return facts(
      [
        ["Id", page.id],
        ["Path", h("code", {}, page.path)],
        ["URL on the frontend", page.url ? externalLink(page.url) : "not configured (FRONTEND_BASE_URLS)"],
        ["Slug", page.slug],
        ["SEO title", page.seoTitle],
        ["Search description", page.searchDescription],
        ["First published", dateTime(page.firstPublishedAt, null, page.locale)],
        ["Last published", dateTime(page.lastPublishedAt, null, page.locale)],
        ["Breadcrumbs", list(page.breadcrumbs, pageLink)],
        ["Translations", list(page.translations, (link) => [`${link.locale}: `, pageLink(link)])],
        [
          "Translation",
          status
            ? `${status.percentTranslated} % of ${status.sourceLocale}` +
              (status.isOutdated ? ", outdated" : "") +
              (status.isMachineTranslated ? ", machine-translated" : "")
            : null,
        ],
      ],
      "page-fields",
    );
  }

  function article(page) {
    const render = PAGES[page.__typename];
    return h(
      "article",
      { lang: page.locale, "data-page-type": page.__typename },
      h(
        "p",
        { class: "badges" },
        h("span", { class: "badge badge--type" }, page.__typename),
        h("span", { class: "badge badge--locale" }, page.locale),
        page.isFallback ? h("span", { class: "badge badge--fallback" }, "fallback") : null,
        h("span", { class: "badge badge--draft" }, "preview"),
      ),
      h("h1", { class: "page-title" }, page.title),
      render ? render(page) : [h("p", { class: "unknown-block" }, `No renderer for ${page.__typename}.`)],
      section("Page fields", "page-fields-section", pageFields(page)),
    );
  }

  // --- The page ------------------------------------------------------------------------------

  function show(state, ...content) {
    root.replaceChildren(...content.flat(Infinity).filter(Boolean));
    root.dataset.state = state;
    root.setAttribute("aria-busy", "false");
  }

  function showError(error) {
    const code = error instanceof PreviewError ? error.code : "NETWORK";
    const advice = ERROR_ADVICE[code];
    show(
      "error",
      h(
        "div",
        { class: "status status--error", role: "alert", "data-error-code": code },
        h("h1", {}, "No preview"),
        h("p", {}, error.message),
        advice ? h("p", {}, advice) : null,
        h("p", { class: "error-code" }, "Error code: ", h("code", {}, code)),
      ),
    );
  }

  async function main() {
    const token = new URLSearchParams(window.location.search).get("token");
    if (!token) {
      showError(new PreviewError("This address has no preview token.", "NO_TOKEN"));
      return;
    }
    try {
      const body = await fetchPreview(token);
      const page = body.data.page;
      document.title = `Preview: ${page.title}`;
      show(
        "ready",
        article(page),
        h("details", { class: "raw" }, h("summary", {}, "The API's answer (JSON)"), json(body)),
      );
    } catch (error) {
      showError(error);
    }
  }

  main();
})();
