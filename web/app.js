// The dateline page: a world map of events, a timeline with a date brush,
// filters, a table and an event panel, all from `dateline serve`'s JSON API
// (relative URLs, so the page works under any prefix). Nothing is fetched
// from elsewhere: d3, topojson-client and the world-atlas countries are served
// from vendor/ beside this file.
//
// Every text that comes from an article or an event is inserted with
// textContent / d3 .text() (text nodes), never as HTML; links to articles are
// made only for http(s) URLs. Spans from the API are UTF-8 byte offsets; the
// article text is encoded once and sliced by bytes (see renderArticleText).
'use strict';

(function () {
  if (typeof d3 === 'undefined' || typeof topojson === 'undefined') {
    const box = document.getElementById('status');
    box.textContent = 'The page could not load its scripts (vendor/d3.min.js, vendor/topojson-client.min.js).';
    box.hidden = false;
    return;
  }
  const API = 'api/';
  const PAGE_SIZE = 50;        // table rows per request
  const MAP_PAGE = 1000;       // the API's largest page
  const MAP_MAX = 5000;        // events drawn on the map and the timeline
  const CELL = 32;             // px: points closer than this on screen gather
  const MAX_ZOOM = 64;

  // PLOVER types: violence warm, coercion purple, cooperation cool.
  const TYPE_COLORS = {
    ASSAULT: '#c0392b', COERCE: '#7d3c98', PROTEST: '#e67e22', MOBILIZE: '#8d6e63',
    THREATEN: '#d4ac0d', SANCTION: '#566573', REJECT: '#a04000', ACCUSE: '#c2185b',
    REQUEST: '#138d75', RETREAT: '#7f8c8d', AID: '#229954', COOPERATE: '#2471a3',
    CONCEDE: '#48c9b0', SUPPORT: '#5dade2', CONSULT: '#76448a', AGREE: '#1a5276',
  };
  const OTHER_COLOR = '#95a5a6';

  const $ = (id) => document.getElementById(id);
  const regionNames = (() => {
    try { return new Intl.DisplayNames(['en'], { type: 'region' }); } catch (e) { return null; }
  })();

  const state = {
    filters: { country: '', type: '', actor: '', text: '' },
    range: null,          // [fromDay, toDay] as YYYY-MM-DD, inclusive
    mapEvents: [],        // events for the map and timeline (filters, all dates)
    mapTruncated: false,
    cursor: null,
    tableRows: 0,
    selectedId: null,
    mapGen: 0,
    tableGen: 0,
    eventGen: 0,
    countGen: 0,
    matchCount: null,
    articleGen: 0,
    errors: {},
    fittedOnce: false,
  };

  // ---------------------------------------------------------------- helpers

  class ApiError extends Error {}

  async function getJson(path, params) {
    const qs = params ? new URLSearchParams(params).toString() : '';
    const url = API + path + (qs ? '?' + qs : '');
    let res;
    try {
      res = await fetch(url, { headers: { Accept: 'application/json' } });
    } catch (e) {
      throw new ApiError('the server cannot be reached (' + e.message + ')');
    }
    let body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    if (!res.ok) {
      const why = body && typeof body.error === 'string' ? body.error : res.statusText;
      throw new ApiError(res.status + ' ' + why);
    }
    if (body === null) throw new ApiError('the server sent no JSON for ' + path);
    return body;
  }

  function setError(channel, message) {
    if (message) state.errors[channel] = message; else delete state.errors[channel];
    const box = $('status');
    const lines = Object.values(state.errors);
    box.textContent = lines.join(' · ');
    box.hidden = lines.length === 0;
  }

  function filterParams(withDates) {
    const p = {};
    for (const [k, v] of Object.entries(state.filters)) if (v) p[k] = v;
    if (withDates && state.range) { p.from = state.range[0]; p.to = state.range[1]; }
    return p;
  }

  function typeOf(ev) { return (ev.plover && ev.plover.type) || ''; }
  function colorOf(type) { return TYPE_COLORS[type] || OTHER_COLOR; }
  function killedOf(ev) {
    const k = ev.counts && ev.counts.killed;
    if (!k) return 0;
    const v = k.best != null ? k.best : (k.max != null ? k.max : k.min);
    return Number.isFinite(v) ? v : 0;
  }
  function dayOf(ev) {
    return typeof ev.date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(ev.date) ? ev.date.slice(0, 10) : null;
  }
  function inRange(ev) {
    if (!state.range) return true;
    const d = dayOf(ev);
    return d !== null && d >= state.range[0] && d <= state.range[1];
  }
  function hasPoint(ev) {
    const l = ev.location;
    return l && Number.isFinite(l.lat) && Number.isFinite(l.lon);
  }
  function countryName(code) {
    if (!code) return '';
    if (regionNames && /^[A-Z]{2}$/.test(code)) {
      try { return regionNames.of(code) || code; } catch (e) { return code; }
    }
    return code;
  }
  function actorText(a) {
    if (!a) return '';
    return a.text || a.code || '';
  }
  function placeText(ev) {
    const l = ev.location;
    if (!l) return '';
    const parts = [l.name, l.admin1 && l.admin1 !== l.name ? l.admin1 : '', l.country].filter(Boolean);
    return parts.join(', ');
  }
  function excerpt(s, n) {
    if (!s) return '';
    return s.length > n ? s.slice(0, n - 1).trimEnd() + '…' : s;
  }
  function safeHref(url) {
    return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
  }
  // claimed_by is an object {text, who, agent} on events, a string on mentions.
  function claimText(c) {
    if (!c) return '';
    if (typeof c === 'string') return c;
    return c.text || c.who || '';
  }
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

  // ------------------------------------------------------------------ stats

  async function loadStats() {
    try {
      const s = await getJson('stats');
      setError('stats', null);
      $('summary').textContent =
        plural(s.events || 0, 'event') + ' from ' + plural(s.articles || 0, 'article') + ', ' +
        plural(s.sources || 0, 'source') + ', ' + plural(s.stories || 0, 'story').replace(/storys$/, 'stories') +
        ' · ' + plural(s.mentions || 0, 'report');
      fillSelect($('f-country'), s.per_country || [], (k) => (countryName(k) === k ? k : countryName(k) + ' (' + k + ')'));
      fillSelect($('f-type'), s.per_type || [], (k) => k);
    } catch (e) {
      $('summary').textContent = 'Statistics unavailable';
      setError('stats', 'Could not load the statistics: ' + e.message);
    }
  }

  function fillSelect(select, rows, label) {
    const keep = state.filters[select.name] || '';
    while (select.options.length > 1) select.remove(1);
    const sorted = rows.slice().sort((a, b) => label(a.key).localeCompare(label(b.key)));
    for (const r of sorted) {
      if (!r.key) continue;
      const o = document.createElement('option');
      o.value = r.key;
      o.textContent = label(r.key) + ' — ' + r.count;
      select.appendChild(o);
    }
    ensureOption(select, keep);
  }

  // Selects value, adding it as a choice when the statistics do not list it
  // (a link to a view of a country or type the database lacks).
  function ensureOption(select, value) {
    if (value && ![...select.options].some((o) => o.value === value)) {
      const o = document.createElement('option');
      o.value = value;
      o.textContent = value;
      select.appendChild(o);
    }
    select.value = value;
  }

  // -------------------------------------------------------------------- map

  const map = {
    svg: null, world: null, points: null, projection: null, path: null, zoom: null,
    transform: d3.zoomIdentity, width: 0, height: 0, countries: null, pending: false,
  };

  function initMap() {
    map.svg = d3.select('#map');
    map.world = map.svg.append('g').attr('class', 'world');
    map.points = map.svg.append('g').attr('class', 'points');
    map.zoom = d3.zoom().scaleExtent([1, MAX_ZOOM]).on('zoom', (e) => {
      map.transform = e.transform;
      map.world.attr('transform', e.transform);
      scheduleDrawPoints();
    });
    map.svg.call(map.zoom).on('dblclick.zoom', null);
    $('zoom-in').addEventListener('click', () => map.svg.transition().duration(250).call(map.zoom.scaleBy, 2));
    $('zoom-out').addEventListener('click', () => map.svg.transition().duration(250).call(map.zoom.scaleBy, 0.5));
    $('zoom-reset').addEventListener('click', () => map.svg.transition().duration(300).call(map.zoom.transform, d3.zoomIdentity));
    sizeMap();
    let t = null;
    window.addEventListener('resize', () => {
      clearTimeout(t);
      t = setTimeout(() => { sizeMap(); drawWorld(); drawPoints(); drawTimeline(); }, 150);
    });
  }

  function sizeMap() {
    const node = map.svg.node();
    map.width = Math.max(200, node.clientWidth);
    map.height = Math.max(150, node.clientHeight);
    map.projection = d3.geoNaturalEarth1().fitExtent([[6, 6], [map.width - 6, map.height - 6]], { type: 'Sphere' });
    map.path = d3.geoPath(map.projection);
    map.zoom.extent([[0, 0], [map.width, map.height]]).translateExtent([[-map.width * 0.25, -map.height * 0.25], [map.width * 1.25, map.height * 1.25]]);
  }

  async function loadWorld() {
    try {
      const res = await fetch('vendor/countries-50m.json');
      if (!res.ok) throw new Error(res.status + ' ' + res.statusText);
      const topo = await res.json();
      map.countries = topojson.feature(topo, topo.objects.countries).features;
      setError('world', null);
    } catch (e) {
      map.countries = [];
      setError('world', 'Could not load the world map (vendor/countries-50m.json): ' + e.message);
    }
    drawWorld();
  }

  function drawWorld() {
    map.world.selectAll('*').remove();
    map.world.append('path').attr('class', 'sphere').attr('d', map.path({ type: 'Sphere' }));
    map.world.selectAll('path.country').data(map.countries || []).join('path')
      .attr('class', 'country').attr('d', map.path)
      .append('title').text((d) => (d.properties && d.properties.name) || '');
    map.world.attr('transform', map.transform);
  }

  function scheduleDrawPoints() {
    if (map.pending) return;
    map.pending = true;
    requestAnimationFrame(() => { map.pending = false; drawPoints(); });
  }

  // Events gathered per screen cell of CELL px at the current zoom.
  function clusters() {
    const t = map.transform;
    const cells = new Map();
    for (const ev of state.mapEvents) {
      if (!hasPoint(ev) || !inRange(ev)) continue;
      const p = map.projection([ev.location.lon, ev.location.lat]);
      if (!p) continue;
      const x = t.applyX(p[0]), y = t.applyY(p[1]);
      const key = Math.floor(x / CELL) + ':' + Math.floor(y / CELL);
      let c = cells.get(key);
      if (!c) { c = { events: [], sx: 0, sy: 0, killed: 0, types: new Map(), base: [] }; cells.set(key, c); }
      c.events.push(ev);
      c.sx += x; c.sy += y;
      c.killed += killedOf(ev);
      c.base.push(p);
      const ty = typeOf(ev);
      c.types.set(ty, (c.types.get(ty) || 0) + 1);
    }
    const out = [];
    for (const c of cells.values()) {
      const n = c.events.length;
      let top = '', topN = -1;
      for (const [ty, k] of c.types) if (k > topN) { top = ty; topN = k; }
      const xs = c.base.map((p) => p[0]), ys = c.base.map((p) => p[1]);
      out.push({
        events: c.events, n, x: c.sx / n, y: c.sy / n, killed: c.killed, type: top, types: c.types,
        spread: Math.max(d3.max(xs) - d3.min(xs), d3.max(ys) - d3.min(ys)),
        bounds: [[d3.min(xs), d3.min(ys)], [d3.max(xs), d3.max(ys)]],
      });
    }
    // Big circles first so small ones stay clickable on top.
    return out.sort((a, b) => radius(b) - radius(a));
  }

  function radius(c) {
    if (c.n === 1) return Math.min(28, 5 + 2.5 * Math.sqrt(c.killed));
    return Math.min(34, 9 + 2 * Math.sqrt(c.n) + 1.5 * Math.sqrt(c.killed));
  }

  function clusterTitle(c) {
    if (c.n === 1) {
      const ev = c.events[0];
      return [typeOf(ev) || 'event', dayOf(ev) || '', placeText(ev), 'killed ' + killedOf(ev)].filter(Boolean).join(' · ') +
        '\n' + excerpt(ev.evidence, 160);
    }
    const kinds = [...c.types.entries()].sort((a, b) => b[1] - a[1]).map(([t, k]) => (t || 'other') + ' ' + k).join(', ');
    return c.n + ' events: ' + kinds + ' · killed ' + c.killed + '\nClick to zoom in or list them.';
  }

  function drawPoints() {
    if (!map.projection) return;
    const data = clusters();
    const g = map.points.selectAll('g.point').data(data).join((enter) => {
      const e = enter.append('g').attr('class', 'point').attr('tabindex', 0).attr('role', 'button');
      e.append('circle');
      e.append('text');
      e.append('title');
      return e;
    });
    g.attr('transform', (c) => 'translate(' + c.x + ',' + c.y + ')')
      .attr('data-count', (c) => c.n)
      .attr('aria-label', (c) => (c.n === 1 ? 'event' : c.n + ' events'))
      .classed('selected', (c) => c.events.some((ev) => ev.id === state.selectedId))
      .on('click', (e, c) => clickCluster(c))
      .on('keydown', (e, c) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); clickCluster(c); } });
    g.select('circle').attr('r', radius).attr('fill', (c) => colorOf(c.type));
    g.select('text').text((c) => (c.n > 1 ? c.n : ''));
    g.select('title').text(clusterTitle);
    drawLegend();
    mapNote(data);
  }

  function mapNote(data) {
    const shown = data.reduce((s, c) => s + c.n, 0);
    const visible = state.mapEvents.filter(inRange);
    const unplaced = visible.filter((ev) => !hasPoint(ev)).length;
    let note = '';
    if (state.mapLoading) note = 'Loading events…' + (state.mapLoaded ? ' (' + state.mapLoaded + ' so far)' : '');
    else if (visible.length === 0) note = 'No events match these filters.';
    else {
      note = plural(shown, 'event') + ' on the map';
      if (unplaced) note += ', ' + unplaced + ' without a place';
      if (state.mapTruncated) note += ' (the first ' + MAP_MAX + ' only)';
    }
    $('map-note').textContent = note;
  }

  function drawLegend() {
    const present = new Set(state.mapEvents.map(typeOf));
    const types = Object.keys(TYPE_COLORS).filter((t) => present.has(t));
    if (present.has('')) types.push('');
    const items = d3.select('#legend').selectAll('span').data(types, (d) => d).join((enter) => {
      const s = enter.append('span');
      s.append('i');
      s.append('b').style('font-weight', 'normal');
      return s;
    });
    items.select('i').style('background', (t) => colorOf(t));
    items.select('b').text((t) => t || 'other');
    items.order();
  }

  function clickCluster(c) {
    if (c.n === 1) { openEvent(c.events[0].id); return; }
    if (c.spread > 0.5 && map.transform.k < MAX_ZOOM) {
      const [[x0, y0], [x1, y1]] = c.bounds;
      const k = Math.min(MAX_ZOOM, 0.8 / Math.max((x1 - x0) / map.width, (y1 - y0) / map.height));
      const kk = Math.max(map.transform.k * 2, Math.min(k, map.transform.k * 8));
      const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
      map.svg.transition().duration(400).call(map.zoom.transform,
        d3.zoomIdentity.translate(map.width / 2, map.height / 2).scale(Math.min(MAX_ZOOM, kk)).translate(-cx, -cy));
      return;
    }
    showList(c.events);
  }

  // Zooms so every placed event shows, clear of the note (top) and the
  // legend (bottom), never closer than a country.
  function fitToEvents() {
    const pts = state.mapEvents.filter(hasPoint).map((ev) => map.projection([ev.location.lon, ev.location.lat])).filter(Boolean);
    if (pts.length === 0) return;
    const x0 = d3.min(pts, (p) => p[0]), x1 = d3.max(pts, (p) => p[0]);
    const y0 = d3.min(pts, (p) => p[1]), y1 = d3.max(pts, (p) => p[1]);
    const box = { left: 40, top: 40, right: map.width - 60, bottom: map.height - 70 };
    const bw = Math.max(40, box.right - box.left), bh = Math.max(40, box.bottom - box.top);
    const k = Math.max(1, Math.min(6, bw / Math.max(x1 - x0, 1e-3), bh / Math.max(y1 - y0, 1e-3)));
    const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    map.svg.call(map.zoom.transform, d3.zoomIdentity
      .translate((box.left + box.right) / 2, (box.top + box.bottom) / 2).scale(k).translate(-cx, -cy));
  }

  async function loadMapEvents() {
    const gen = ++state.mapGen;
    state.mapLoading = true;
    mapNote([]);
    state.mapLoaded = 0;
    const params = filterParams(false);
    const events = [];
    let cursor = null, truncated = false;
    try {
      for (;;) {
        const p = Object.assign({}, params, { limit: MAP_PAGE });
        if (cursor) p.cursor = cursor;
        const page = await getJson('events', p);
        if (gen !== state.mapGen) return;
        for (const ev of page.events || []) events.push(ev);
        cursor = page.next_cursor || null;
        if (!cursor) break;
        if (events.length >= MAP_MAX) { truncated = true; break; }
        // Draw what has come so far; the next page follows.
        state.mapEvents = events.slice();
        state.mapLoaded = events.length;
        if (!state.fittedOnce) { state.fittedOnce = true; fitToEvents(); }
        drawPoints();
        drawTimeline();
      }
      setError('map', null);
    } catch (e) {
      if (gen !== state.mapGen) return;
      setError('map', 'Could not load the events for the map: ' + e.message);
    }
    state.mapLoading = false;
    state.mapEvents = events.slice(0, MAP_MAX);
    state.mapTruncated = truncated;
    if (!state.fittedOnce && events.length) { state.fittedOnce = true; fitToEvents(); }
    drawPoints();
    drawTimeline();
  }

  // --------------------------------------------------------------- timeline

  const parseDay = d3.utcParse('%Y-%m-%d');
  const formatDay = d3.utcFormat('%Y-%m-%d');
  const tl = { brush: null, x: null, gBrush: null };

  function drawTimeline() {
    const svg = d3.select('#timeline');
    const node = svg.node();
    const width = Math.max(200, node.clientWidth), height = Math.max(80, node.clientHeight);
    const m = { top: 6, right: 10, bottom: 20, left: 30 };
    svg.selectAll('*').remove();
    const perDay = d3.rollup(state.mapEvents.filter((ev) => dayOf(ev)), (v) => v.length, dayOf);
    if (perDay.size === 0) {
      svg.append('text').attr('class', 'empty').attr('x', width / 2).attr('y', height / 2).attr('text-anchor', 'middle')
        .text(state.mapLoading ? 'Loading…' : 'No dated events to show.');
      tl.x = null;
      return;
    }
    const days = [...perDay.keys()].map(parseDay).filter(Boolean);
    let lo = d3.min(days), hi = d3.utcDay.offset(d3.max(days), 1);
    // Room on both sides, so a brush can start before the first bar; a few
    // days are padded out so their bars do not fill the whole width.
    const span = d3.utcDay.count(lo, hi);
    const pad = Math.max(1 + Math.ceil(span * 0.02), Math.ceil((14 - span) / 2));
    lo = d3.utcDay.offset(lo, -pad); hi = d3.utcDay.offset(hi, pad);
    const x = d3.scaleUtc().domain([lo, hi]).range([m.left, width - m.right]);
    const y = d3.scaleLinear().domain([0, d3.max(perDay.values())]).nice().range([height - m.bottom, m.top]);
    tl.x = x;
    const bars = [...perDay.entries()].map(([day, count]) => ({ day, count, t: parseDay(day) })).filter((d) => d.t);
    const bw = Math.max(3, x(d3.utcDay.offset(lo, 1)) - x(lo) - 1);
    svg.append('g').selectAll('rect').data(bars).join('rect')
      .attr('class', (d) => 'bar' + (state.range && (d.day < state.range[0] || d.day > state.range[1]) ? ' out' : ''))
      .attr('x', (d) => x(d.t)).attr('width', bw)
      .attr('y', (d) => y(d.count)).attr('height', (d) => y(0) - y(d.count))
      .append('title').text((d) => d.day + ': ' + plural(d.count, 'event'));
    svg.append('g').attr('class', 'axis').attr('transform', 'translate(0,' + (height - m.bottom) + ')')
      .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 110))).tickSizeOuter(0));
    svg.append('g').attr('class', 'axis').attr('transform', 'translate(' + m.left + ',0)')
      .call(d3.axisLeft(y).ticks(3).tickFormat(d3.format('d')));
    tl.brush = d3.brushX().extent([[m.left, m.top], [width - m.right, height - m.bottom]]).on('end', brushed);
    tl.gBrush = svg.append('g').attr('class', 'brush').call(tl.brush);
    if (state.range) {
      tl.gBrush.call(tl.brush.move, [x(parseDay(state.range[0])), x(d3.utcDay.offset(parseDay(state.range[1]), 1))]);
    }
  }

  function brushed(e) {
    if (!e.sourceEvent) return; // our own snapping move
    if (!e.selection) {
      setRange(null);
      return;
    }
    const [a, b] = e.selection.map(tl.x.invert);
    let from = d3.utcDay.round(a), to = d3.utcDay.round(b);
    if (+to <= +from) to = d3.utcDay.offset(from, 1);
    tl.gBrush.transition().duration(150).call(tl.brush.move, [tl.x(from), tl.x(to)]);
    setRange([formatDay(from), formatDay(d3.utcDay.offset(to, -1))]);
  }

  function setRange(range) {
    state.range = range;
    $('range-label').textContent = range ? (range[0] === range[1] ? range[0] : range[0] + ' to ' + range[1]) : 'All dates';
    $('brush-clear').hidden = !range;
    d3.selectAll('#timeline .bar').classed('out', (d) => !!range && (d.day < range[0] || d.day > range[1]));
    drawPoints();
    updateExport();
    writeHash();
    loadTable(true);
    loadMatchCount();
  }

  // ------------------------------------------------------------------ table

  async function loadTable(reset) {
    const gen = ++state.tableGen;
    const more = $('load-more');
    more.disabled = true;
    const params = Object.assign(filterParams(true), { limit: PAGE_SIZE });
    if (!reset && state.cursor) params.cursor = state.cursor;
    if (reset) $('table-count').textContent = 'Loading…';
    let page;
    try {
      page = await getJson('events', params);
    } catch (e) {
      if (gen !== state.tableGen) return;
      setError('table', 'Could not load the events table: ' + e.message);
      $('table-count').textContent = '';
      more.disabled = false;
      return;
    }
    if (gen !== state.tableGen) return;
    setError('table', null);
    const tbody = $('rows');
    if (reset) { tbody.textContent = ''; state.tableRows = 0; }
    for (const ev of page.events || []) tbody.appendChild(row(ev));
    state.tableRows += (page.events || []).length;
    state.cursor = page.next_cursor || null;
    more.hidden = !state.cursor;
    more.disabled = false;
    $('table-empty').hidden = state.tableRows > 0;
    showTableCount();
  }

  function showTableCount() {
    const n = state.tableRows, total = state.matchCount;
    let text = '';
    if (n > 0 && total != null && total > n) text = n + ' of ' + plural(total, 'event') + ' shown';
    else if (n > 0) text = plural(n, 'event') + (state.cursor ? ' shown, more below' : '');
    $('table-count').textContent = text;
  }

  // How many events match the filters and dates (from /api/stats); the table
  // says "50 of 312". Without it the table still works.
  async function loadMatchCount() {
    const gen = ++state.countGen;
    state.matchCount = null;
    try {
      const s = await getJson('stats', filterParams(true));
      if (gen !== state.countGen) return;
      state.matchCount = Number.isFinite(s.events) ? s.events : null;
    } catch (e) {
      if (gen !== state.countGen) return;
      state.matchCount = null;
    }
    showTableCount();
  }

  function cell(tr, text, cls) {
    const td = document.createElement('td');
    if (cls) td.className = cls;
    td.textContent = text == null ? '' : String(text);
    tr.appendChild(td);
    return td;
  }

  function row(ev) {
    const tr = document.createElement('tr');
    tr.tabIndex = 0;
    tr.dataset.id = ev.id;
    tr.dataset.type = typeOf(ev);
    if (ev.id === state.selectedId) tr.classList.add('selected');
    cell(tr, dayOf(ev) || ev.date || '', 'nowrap date');
    const tdType = cell(tr, '', 'type');
    const chip = document.createElement('span');
    chip.className = 'type-chip';
    const dot = document.createElement('i');
    dot.style.background = colorOf(typeOf(ev));
    const label = document.createElement('span');
    label.textContent = typeOf(ev) || '—';
    chip.append(dot, label);
    tdType.appendChild(chip);
    cell(tr, ev.cameo || '', 'cameo');
    cell(tr, actorText(ev.source), 'source').title = (ev.source && ev.source.code) || '';
    cell(tr, actorText(ev.target), 'target').title = (ev.target && ev.target.code) || '';
    cell(tr, placeText(ev), 'place');
    cell(tr, killedOf(ev) || '', 'num killed');
    cell(tr, ev.num_sources != null ? ev.num_sources : '', 'num sources');
    cell(tr, excerpt(ev.evidence, 140), 'evidence').title = ev.evidence || '';
    tr.addEventListener('click', () => openEvent(ev.id));
    tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') openEvent(ev.id); });
    return tr;
  }

  // ------------------------------------------------------------------ panel

  function panelBody() {
    $('panel-empty').hidden = true;
    const body = $('panel-body');
    body.hidden = false;
    body.textContent = '';
    const close = el(body, 'button', 'close', 'Close');
    close.type = 'button';
    close.addEventListener('click', closePanel);
    return body;
  }

  function closePanel() {
    state.selectedId = null;
    writeHash();
    $('panel-body').hidden = true;
    $('panel-empty').hidden = false;
    markSelected();
  }

  function el(parent, tag, cls, text) {
    const n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text != null) n.textContent = String(text);
    parent.appendChild(n);
    return n;
  }

  function markSelected() {
    for (const tr of $('rows').children) tr.classList.toggle('selected', Number(tr.dataset.id) === state.selectedId);
    map.points.selectAll('g.point').classed('selected', (c) => c.events.some((ev) => ev.id === state.selectedId));
  }

  function showList(events) {
    const body = panelBody();
    el(body, 'h2', 'headline', plural(events.length, 'event') + ' here');
    const ul = el(body, 'ul', 'events');
    const sorted = events.slice().sort((a, b) => String(dayOf(a)).localeCompare(String(dayOf(b))));
    for (const ev of sorted) {
      const li = el(ul, 'li');
      const b = el(li, 'button', null, [dayOf(ev), typeOf(ev) || 'event', placeText(ev)].filter(Boolean).join(' · '));
      b.type = 'button';
      b.addEventListener('click', () => openEvent(ev.id));
      el(li, 'div', 'muted', excerpt(ev.evidence, 140));
    }
  }

  async function openEvent(id) {
    const gen = ++state.eventGen;
    state.selectedId = id;
    writeHash();
    markSelected();
    const body = panelBody();
    el(body, 'p', 'muted', 'Loading the event…');
    let data;
    try {
      data = await getJson('events/' + encodeURIComponent(id));
    } catch (e) {
      if (gen !== state.eventGen) return;
      const b = panelBody();
      el(b, 'p', 'error', 'Could not load event ' + id + ': ' + e.message);
      return;
    }
    if (gen !== state.eventGen) return;
    renderEvent(data);
  }

  function renderEvent(data) {
    const ev = data.event || {};
    const body = panelBody();
    body.dataset.eventId = ev.id;
    const type = typeOf(ev);
    const head = el(body, 'h2', 'headline');
    const chip = el(head, 'span', 'type-chip');
    el(chip, 'i').style.background = colorOf(type);
    el(chip, 'span', null, (type || 'Event') + (ev.plover && ev.plover.mode ? ' (' + ev.plover.mode + ')' : ''));
    el(body, 'p', 'sub', [dayOf(ev) || ev.date, placeText(ev)].filter(Boolean).join(' · '));
    if (ev.evidence) el(body, 'blockquote', 'evidence', ev.evidence);

    const dl = el(body, 'dl');
    const item = (k, v) => { if (v === null || v === undefined || v === '') return; el(dl, 'dt', null, k); el(dl, 'dd', null, v); };
    const actor = (a) => (a ? [a.text, a.code ? '(' + a.code + ')' : ''].filter(Boolean).join(' ') : '');
    item('Source', actor(ev.source));
    item('Target', actor(ev.target));
    item('CAMEO', [ev.cameo, ev.root ? 'root ' + ev.root : '', ev.quad_class ? 'quad ' + ev.quad_class : '',
      ev.goldstein != null ? 'Goldstein ' + ev.goldstein : ''].filter(Boolean).join(' · '));
    if (ev.acled) item('ACLED', [ev.acled.event_type, ev.acled.sub_event_type].filter(Boolean).join(' / '));
    const l = ev.location;
    if (l) item('Place', [placeText(ev), l.precision ? '(' + l.precision + ')' : '',
      Number.isFinite(l.lat) ? l.lat.toFixed(3) + ', ' + l.lon.toFixed(3) : ''].filter(Boolean).join(' '));
    item('Claimed by', claimText(ev.claimed_by));
    item('Modality', [ev.modality, ev.negated ? 'negated' : ''].filter(Boolean).join(', '));
    if (ev.confidence != null) item('Confidence', Number(ev.confidence).toFixed(2));
    item('Reported', [ev.num_mentions != null ? plural(ev.num_mentions, 'mention') : '',
      ev.num_articles != null ? plural(ev.num_articles, 'article') : '',
      ev.num_sources != null ? plural(ev.num_sources, 'source') : ''].filter(Boolean).join(', '));
    if (ev.first_seen) item('Seen', ev.first_seen + (ev.last_seen && ev.last_seen !== ev.first_seen ? ' to ' + ev.last_seen : ''));

    // Figures, one line per kind and claimant: contested tolls stay apart.
    el(body, 'h3', null, 'Figures');
    const figures = data.figures || [];
    if (figures.length === 0) {
      el(body, 'p', 'muted', 'No figures reported.');
    } else {
      const t = el(body, 'table', 'figures');
      const hr = el(el(t, 'thead'), 'tr');
      for (const h of ['What', 'Claimed by', 'Range', 'Latest', 'Reports']) el(hr, 'th', null, h);
      const tb = el(t, 'tbody');
      for (const f of figures) {
        const tr = el(tb, 'tr');
        el(tr, 'td', null, f.kind || '');
        el(tr, 'td', null, f.claimant || 'the reporter');
        el(tr, 'td', 'nowrap', f.min === f.max ? String(f.min) : f.min + '–' + f.max);
        const latest = f.latest || {};
        el(tr, 'td', null, [latest.best != null ? latest.best : '', latest.text ? '“' + latest.text + '”' : ''].filter((x) => x !== '').join(' '));
        el(tr, 'td', 'num', (f.reports != null ? f.reports : '') + (f.stories != null ? ' / ' + plural(f.stories, 'story').replace(/storys$/, 'stories') : ''));
      }
    }

    el(body, 'h3', null, 'Reports');
    const mentions = data.mentions || [];
    const articleBox = document.createElement('div');
    articleBox.className = 'article';
    if (mentions.length === 0) {
      el(body, 'p', 'muted', 'No reports stored for this event.');
    } else {
      const ul = el(body, 'ul', 'reports');
      const items = [];
      mentions.forEach((m, i) => {
        const li = el(ul, 'li');
        items.push(li);
        const meta = el(li, 'div', 'meta', [m.source_name || 'source unknown', m.published].filter(Boolean).join(' · '));
        const claim = claimText(m.claimed_by);
        if (claim) meta.textContent += (meta.textContent ? ' · ' : '') + 'claimed by ' + claim;
        const href = safeHref(m.url);
        const title = m.title || m.url || m.article_id;
        if (href) {
          const a = el(li, 'a', null, title);
          a.href = href;
          a.target = '_blank';
          a.rel = 'noopener noreferrer';
        } else {
          el(li, 'div', null, title);
        }
        const show = el(li, 'button', null, 'Show in the article');
        show.type = 'button';
        show.addEventListener('click', () => {
          items.forEach((x) => x.classList.toggle('active', x === li));
          loadArticle(articleBox, m.article_id, spansFor(mentions, ev, m.article_id));
        });
        if (i === 0) li.classList.add('active');
      });
      el(body, 'h3', null, 'In the article');
      body.appendChild(articleBox);
      const first = mentions[0];
      loadArticle(articleBox, first.article_id, spansFor(mentions, ev, first.article_id));
    }
  }

  // The byte spans of this event's sentences inside one article.
  function spansFor(mentions, ev, articleId) {
    const spans = [];
    for (const m of mentions) if (m.article_id === articleId && Array.isArray(m.span)) spans.push(m.span);
    if (ev.article === articleId && Array.isArray(ev.span)) spans.push(ev.span);
    return spans;
  }

  async function loadArticle(box, articleId, spans) {
    const gen = ++state.articleGen;
    box.textContent = '';
    el(box, 'p', 'muted', 'Loading the article…');
    let a;
    try {
      a = await getJson('articles/' + encodeURIComponent(articleId));
    } catch (e) {
      if (gen !== state.articleGen) return;
      box.textContent = '';
      el(box, 'p', 'error', 'Could not load article ' + articleId + ': ' + e.message);
      return;
    }
    if (gen !== state.articleGen) return;
    box.textContent = '';
    el(box, 'p', 'article-title', a.title || a.id);
    el(box, 'p', 'muted', [a.source_name, a.published, a.byline, a.dateline].filter(Boolean).join(' · '));
    const textBox = el(box, 'div', 'article-text');
    textBox.dataset.articleId = a.id;
    renderArticleText(textBox, a.text || '', a.paragraphs || [], spans);
    const mark = textBox.querySelector('mark');
    if (mark) textBox.scrollTop += mark.getBoundingClientRect().top - textBox.getBoundingClientRect().top - 40;
  }

  // Writes text into box, one <p> per paragraph, with <mark> around the byte
  // ranges in spans. Offsets are UTF-8 bytes: the text is encoded once and
  // every piece decoded from its byte slice, so non-ASCII text before a span
  // does not shift it. Only text nodes are created.
  function renderArticleText(box, text, paragraphs, spans) {
    const bytes = new TextEncoder().encode(text);
    const n = bytes.length;
    const decoder = new TextDecoder('utf-8');
    const piece = (s, e) => decoder.decode(bytes.subarray(s, e));
    const clamp = (v) => Math.max(0, Math.min(n, v | 0));
    const marks = spans.map((s) => [clamp(s[0]), clamp(s[1])]).filter((s) => s[1] > s[0]).sort((a, b) => a[0] - b[0]);
    let blocks = paragraphs.map((p) => ({ kind: p.kind || 'body', start: clamp(p.start), end: clamp(p.end) }))
      .filter((b) => b.end > b.start).sort((a, b) => a.start - b.start);
    const covered = (s) => blocks.some((b) => s[0] < b.end && s[1] > b.start);
    if (blocks.length === 0 || !marks.every(covered)) blocks = [{ kind: 'body', start: 0, end: n }];
    for (const b of blocks) {
      const p = document.createElement('p');
      p.className = b.kind;
      let pos = b.start;
      for (const s of marks) {
        if (s[1] <= pos || s[0] >= b.end) continue;
        const from = Math.max(s[0], pos), to = Math.min(s[1], b.end);
        if (from > pos) p.appendChild(document.createTextNode(piece(pos, from)));
        const m = document.createElement('mark');
        m.textContent = piece(from, to);
        p.appendChild(m);
        pos = to;
      }
      if (pos < b.end) p.appendChild(document.createTextNode(piece(pos, b.end)));
      box.appendChild(p);
    }
  }

  // ---------------------------------------------------------------- filters

  function updateExport() {
    const p = Object.assign({ format: 'csv' }, filterParams(true));
    $('export-link').href = API + 'export?' + new URLSearchParams(p).toString();
  }

  function refresh() {
    updateExport();
    writeHash();
    loadMapEvents();
    loadTable(true);
    loadMatchCount();
  }

  function initFilters() {
    const form = $('filters');
    form.addEventListener('submit', (e) => { e.preventDefault(); readFilters(); refresh(); });
    for (const id of ['f-country', 'f-type']) $(id).addEventListener('change', () => { readFilters(); refresh(); });
    let t = null;
    for (const id of ['f-actor', 'f-text']) {
      $(id).addEventListener('input', () => {
        clearTimeout(t);
        t = setTimeout(() => { if (readFilters()) refresh(); }, 350);
      });
    }
    $('f-clear').addEventListener('click', () => {
      form.reset();
      readFilters();
      state.range = null;
      $('range-label').textContent = 'All dates';
      $('brush-clear').hidden = true;
      refresh();
    });
    $('brush-clear').addEventListener('click', () => {
      if (tl.gBrush) tl.gBrush.call(tl.brush.move, null);
      setRange(null);
    });
    $('load-more').addEventListener('click', () => loadTable(false));
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !$('panel-body').hidden) closePanel();
    });
  }

  // True when a filter changed.
  function readFilters() {
    const next = {
      country: $('f-country').value, type: $('f-type').value,
      actor: $('f-actor').value.trim(), text: $('f-text').value.trim(),
    };
    const changed = JSON.stringify(next) !== JSON.stringify(state.filters);
    state.filters = next;
    return changed;
  }

  // The view (filters, dates, open event) lives in the address's #fragment,
  // so a view can be bookmarked or sent.
  function writeHash() {
    const p = filterParams(true);
    if (state.selectedId != null) p.event = state.selectedId;
    const qs = new URLSearchParams(p).toString();
    history.replaceState(null, '', qs ? '#' + qs : location.pathname + location.search);
  }

  function readHash() {
    const h = new URLSearchParams(location.hash.replace(/^#/, ''));
    const day = (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v || '') ? v : null);
    state.filters = {
      country: h.get('country') || '', type: h.get('type') || '',
      actor: h.get('actor') || '', text: h.get('text') || '',
    };
    ensureOption($('f-country'), state.filters.country);
    ensureOption($('f-type'), state.filters.type);
    $('f-actor').value = state.filters.actor;
    $('f-text').value = state.filters.text;
    const from = day(h.get('from')), to = day(h.get('to'));
    state.range = from || to ? [from || '1900-01-01', to || '9999-12-31'] : null;
    $('range-label').textContent = state.range ? (from || '…') + ' to ' + (to || '…') : 'All dates';
    $('brush-clear').hidden = !state.range;
    const id = Number(h.get('event'));
    return Number.isInteger(id) && id > 0 ? id : null;
  }

  // ------------------------------------------------------------------- start

  function start() {
    initMap();
    initFilters();
    const eventId = readHash();
    loadWorld();
    loadStats();
    refresh();
    if (eventId !== null) openEvent(eventId);
    window.addEventListener('hashchange', () => {
      const id = readHash();
      refresh();
      if (id !== null && id !== state.selectedId) openEvent(id);
    });
  }

  start();
})();
