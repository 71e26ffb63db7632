'use strict';
/*
 * The connections admin page. Plain JavaScript, no build step. It speaks only to its own server (/api/admin/...),
 * which forwards to the admin API with credentials this page never sees. Every value from the API reaches the
 * page through textContent or form values, never as markup.
 */
(function () {
  const state = {
    formats: [], // from GET /admin/formats
    cartFields: [],
    doc: null, // the connection as last read or saved; null while creating
    previewTimer: null,
    previewSeq: 0
  };
  const PREVIEW_DELAY_MS = 250;
  const $ = (id) => document.getElementById(id);

  // ---- talking to the admin API ------------------------------------------------------------------------------

  async function api(method, path, body) {
    const init = { method: method, headers: {}, credentials: 'same-origin' };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch('/api' + path, init);
    } catch (e) {
      return { status: 0, body: { title: 'No answer', detail: 'The page server did not answer. Is punchgate-admin ui still running?' } };
    }
    const text = await response.text();
    let json = null;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch (e) {
        json = { title: 'Unreadable answer', detail: text.slice(0, 200) };
      }
    }
    return { status: response.status, body: json };
  }

  function describe(reply) {
    const b = reply.body || {};
    return (b.title || ('HTTP ' + reply.status)) + (b.detail ? ': ' + b.detail : '');
  }

  function enc(segment) {
    return encodeURIComponent(segment);
  }

  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) {
      e.textContent = String(text);
    }
    if (className) {
      e.className = className;
    }
    return e;
  }

  /** A button of a table row: its own words for screen readers (which row it acts on), and what it does. */
  function rowButton(text, className, label, onClick) {
    const b = el('button', text, className);
    b.type = 'button';
    b.setAttribute('aria-label', label);
    b.addEventListener('click', onClick);
    return b;
  }

  function when(iso) {
    if (!iso) {
      return null;
    }
    const d = new Date(iso);
    return isNaN(d.getTime()) ? iso : d.toLocaleString();
  }

  function notice(text) {
    const n = $('notice');
    n.textContent = text;
    n.hidden = !text;
  }

  function formatLabel(format) {
    const f = state.formats.find((x) => x.format === format);
    return f ? f.label : format;
  }

  // ---- problems next to their fields -------------------------------------------------------------------------

  /** Gives every input with a data-path an error paragraph of its own, announced with the input. */
  function attachErrorSlots(root) {
    root.querySelectorAll('[data-path]').forEach((input) => {
      if (input.dataset.slot) {
        return;
      }
      const p = el('p', null, 'error');
      p.id = 'err-' + input.id;
      p.dataset.errorFor = input.dataset.path;
      p.hidden = true;
      (input.closest('.field') || input.parentNode).appendChild(p);
      input.setAttribute('aria-describedby', p.id);
      input.dataset.slot = p.id;
    });
  }

  function clearProblems(root) {
    root.querySelectorAll('.error[data-error-for]').forEach((p) => {
      p.textContent = '';
      p.hidden = true;
    });
    root.querySelectorAll('[aria-invalid]').forEach((i) => i.removeAttribute('aria-invalid'));
    if (root.contains($('form-problems'))) {
      $('form-problems').hidden = true;
      $('form-problems-list').replaceChildren();
    }
  }

  /** The error slot for a JSON path, or for the nearest enclosing path that has one ($.cxml.sender[0].identity → $.cxml.sender). */
  function slotFor(root, path) {
    let p = path;
    while (p && p !== '$') {
      const slot = Array.from(root.querySelectorAll('.error[data-error-for]')).find((e) => e.dataset.errorFor === p);
      if (slot) {
        return slot;
      }
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut > 0 ? p.slice(0, cut) : '';
    }
    return null;
  }

  /** Shows each problem next to its field; problems without a field go to the summary. Returns the first slot. */
  function showProblems(root, problems, summaryTitle) {
    clearProblems(root);
    let first = null;
    const unplaced = [];
    problems.forEach((problem) => {
      const slot = slotFor(root, problem.path || '');
      if (slot) {
        slot.textContent = slot.textContent ? slot.textContent + ' ' + problem.message : problem.message;
        slot.hidden = false;
        const input = root.querySelector('[aria-describedby="' + slot.id + '"]');
        if (input) {
          input.setAttribute('aria-invalid', 'true');
        }
        first = first || input || slot;
      } else {
        unplaced.push(problem);
      }
    });
    if (summaryTitle && root.contains($('form-problems'))) {
      $('form-problems-title').textContent = summaryTitle;
      const list = $('form-problems-list');
      unplaced.forEach((p) => list.appendChild(el('li', (p.path ? p.path + ': ' : '') + p.message)));
      $('form-problems').hidden = false;
    }
    return first;
  }

  function problemsOf(reply) {
    const b = reply.body || {};
    return Array.isArray(b.problems) ? b.problems : [];
  }

  // ---- the list ----------------------------------------------------------------------------------------------

  async function loadList() {
    $('list-status').textContent = 'Loading…';
    const r = await api('GET', '/admin/connections');
    if (r.status !== 200) {
      $('list-status').textContent = describe(r);
      return;
    }
    const tbody = $('connections').tBodies[0];
    tbody.replaceChildren();
    r.body.connections.forEach((c) => {
      const tr = el('tr');
      tr.dataset.id = c.id;
      tr.appendChild(el('td', c.name || c.id));
      tr.appendChild(el('td', c.id, 'code'));
      tr.appendChild(el('td', formatLabel(c.format)));
      tr.appendChild(el('td', c.userGroup));
      tr.appendChild(el('td', c.active ? 'yes' : 'no', c.active ? 'active' : 'inactive'));
      tr.appendChild(el('td', when(c.lastLoginAt) || 'never'));
      tr.appendChild(el('td', c.openSessions === undefined || c.openSessions === null ? '' : c.openSessions));
      const actions = el('td');
      actions.appendChild(rowButton('Edit', 'edit-connection', 'Edit ' + (c.name || c.id), () => openEdit(c.id)));
      tr.appendChild(actions);
      tbody.appendChild(tr);
    });
    $('list-status').textContent = r.body.connections.length === 1 ? '1 connection' : r.body.connections.length + ' connections';
  }

  function showList() {
    $('edit-view').hidden = true;
    $('list-view').hidden = false;
    notice('');
    loadList();
    $('list-heading').focus();
  }

  // ---- the form ----------------------------------------------------------------------------------------------

  function showEdit(heading) {
    $('list-view').hidden = true;
    $('edit-view').hidden = false;
    $('conflict').hidden = true;
    $('edit-heading').textContent = heading;
    ['save-status', 'secret-result', 'user-result', 'link-result'].forEach((id) => $(id).replaceChildren());
    clearProblems($('edit-view'));
    $('edit-heading').focus();
  }

  function openNew() {
    state.doc = null;
    showEdit('New connection');
    fill({ active: true, format: 'OCI_4_0', sessionLifetimeMinutes: 60, fieldMapping: {} });
  }

  async function openEdit(id) {
    notice('');
    const r = await api('GET', '/admin/connections/' + enc(id));
    if (r.status !== 200) {
      notice(describe(r));
      return;
    }
    state.doc = r.body;
    showEdit('Connection ' + (r.body.name || r.body.id));
    fill(r.body);
  }

  function lines(text) {
    return text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  }

  function fill(doc) {
    const editing = state.doc !== null;
    $('f-id').value = doc.id || '';
    $('f-id').disabled = editing;
    $('f-name').value = doc.name || '';
    $('f-active').checked = doc.active !== false;
    $('f-format').value = doc.format || 'OCI_4_0';
    $('f-userGroup').value = doc.userGroup || '';
    $('f-shopStartUrl').value = doc.shopStartUrl || '';
    $('create-login').hidden = editing;
    $('f-username').value = '';
    $('f-password').value = '';
    $('f-generateSecret').checked = true;
    $('f-password').disabled = true;
    const login = doc.loginParameters || {};
    $('f-login-username').value = login.username || '';
    $('f-login-password').value = login.password || '';
    $('f-login-hookUrl').value = login.hookUrl || '';
    $('f-allowedReturnOrigins').value = (doc.allowedReturnOrigins || []).join('\n');
    $('f-sessionLifetimeMinutes').value = doc.sessionLifetimeMinutes === undefined || doc.sessionLifetimeMinutes === null ? '' : doc.sessionLifetimeMinutes;
    $('f-unitMap').value = Object.entries(doc.unitMap || {}).map(([shop, buyer]) => shop + ' = ' + buyer).join('\n');
    const cls = doc.defaultClassification || {};
    $('f-class-scheme').value = cls.scheme || '';
    $('f-class-code').value = cls.code || '';
    const cxml = doc.cxml || {};
    $('f-cxml-sender').value = (cxml.sender || []).map((c) => c.domain + ' ' + c.identity).join('\n');
    $('f-cxml-version').value = cxml.version || '';
    $('f-cxml-returnEncoding').value = cxml.returnEncoding || 'cxml-base64';
    const peppol = doc.peppol || {};
    const tax = peppol.defaultTax || {};
    $('f-peppol-cartField').value = peppol.cartField || '';
    $('f-peppol-vatCategory').value = tax.category || '';
    $('f-peppol-vatRate').value = tax.rate === undefined || tax.rate === null ? '' : tax.rate;
    $('f-peppol-completeCart').checked = peppol.completeCart === true;
    renderMapping(doc.fieldMapping || {});
    formatChanged(false);
    renderSecretState();
    renderUsers();
    $('secret-section').hidden = !editing;
    $('users-section').hidden = !editing;
    if (editing && $('f-format').value === 'PEPPOL_PUNCHOUT') {
      loadLinks();
    }
  }

  function formatChanged(rerender) {
    const format = $('f-format').value;
    $('cxml-settings').hidden = format !== 'CXML';
    $('peppol-settings').hidden = format !== 'PEPPOL_PUNCHOUT';
    $('oci-login').hidden = !format.startsWith('OCI_');
    $('links-section').hidden = !(state.doc !== null && format === 'PEPPOL_PUNCHOUT');
    if (rerender) {
      renderMapping(collectMapping());
      state.extraMapping = {}; // another format's fields mean nothing to this one: they are not sent
    }
    schedulePreview();
  }

  /** The document to send: what was read, with the form's values over it (members the page does not show stay). */
  function collect() {
    const doc = state.doc ? JSON.parse(JSON.stringify(state.doc)) : {};
    ['secret', 'users', 'lastLoginAt', 'openSessions', 'generatedSecret'].forEach((k) => delete doc[k]);
    const text = (id) => $(id).value.trim();
    const setOrDelete = (obj, key, value) => {
      if (value === '' || value === null || value === undefined) {
        delete obj[key];
      } else {
        obj[key] = value;
      }
    };
    if (state.doc === null) {
      setOrDelete(doc, 'id', text('f-id'));
      setOrDelete(doc, 'username', text('f-username'));
      if ($('f-generateSecret').checked) {
        doc.generateSecret = true;
      } else {
        setOrDelete(doc, 'password', $('f-password').value);
      }
    }
    setOrDelete(doc, 'name', text('f-name'));
    doc.active = $('f-active').checked;
    doc.format = $('f-format').value;
    setOrDelete(doc, 'userGroup', text('f-userGroup'));
    setOrDelete(doc, 'shopStartUrl', text('f-shopStartUrl'));
    const login = {};
    setOrDelete(login, 'username', text('f-login-username'));
    setOrDelete(login, 'password', text('f-login-password'));
    setOrDelete(login, 'hookUrl', text('f-login-hookUrl'));
    setOrDelete(doc, 'loginParameters', Object.keys(login).length ? login : null);
    const origins = lines($('f-allowedReturnOrigins').value);
    setOrDelete(doc, 'allowedReturnOrigins', origins.length ? origins : null);
    const lifetime = text('f-sessionLifetimeMinutes');
    // a number when it is one; otherwise the text as typed, so that the API names the problem
    setOrDelete(doc, 'sessionLifetimeMinutes', /^\d+$/.test(lifetime) ? Number(lifetime) : lifetime);
    const unitMap = {};
    lines($('f-unitMap').value).forEach((line) => {
      const eq = line.indexOf('=');
      unitMap[(eq < 0 ? line : line.slice(0, eq)).trim()] = eq < 0 ? '' : line.slice(eq + 1).trim();
    });
    setOrDelete(doc, 'unitMap', Object.keys(unitMap).length ? unitMap : null);
    const scheme = text('f-class-scheme');
    const code = text('f-class-code');
    setOrDelete(doc, 'defaultClassification', scheme || code ? { scheme: scheme, code: code } : null);
    if (doc.format === 'CXML') {
      const cxml = doc.cxml || {};
      cxml.sender = lines($('f-cxml-sender').value).map((line) => {
        const space = line.search(/\s/);
        return space < 0 ? { domain: line, identity: '' } : { domain: line.slice(0, space), identity: line.slice(space).trim() };
      });
      setOrDelete(cxml, 'version', text('f-cxml-version'));
      cxml.returnEncoding = $('f-cxml-returnEncoding').value;
      doc.cxml = cxml;
    } else {
      delete doc.cxml;
    }
    if (doc.format === 'PEPPOL_PUNCHOUT') {
      const peppol = doc.peppol || {};
      setOrDelete(peppol, 'cartField', text('f-peppol-cartField'));
      const category = text('f-peppol-vatCategory');
      const rate = text('f-peppol-vatRate');
      const tax = {};
      setOrDelete(tax, 'category', category);
      setOrDelete(tax, 'rate', /^\d+(\.\d+)?$/.test(rate) ? Number(rate) : rate);
      setOrDelete(peppol, 'defaultTax', Object.keys(tax).length ? tax : null);
      peppol.completeCart = $('f-peppol-completeCart').checked;
      doc.peppol = peppol;
    } else {
      delete doc.peppol;
    }
    doc.fieldMapping = collectMapping();
    return doc;
  }

  // ---- the field mapping editor ------------------------------------------------------------------------------

  function targetsOf(format) {
    const f = state.formats.find((x) => x.format === format);
    return f ? f.targets : [];
  }

  function defaultSource(target) {
    const d = target['default'];
    if (!d) {
      return 'none';
    }
    return d.cart !== undefined ? 'cart:' + d.cart : 'const:' + d.constant;
  }

  function cartLabel(field) {
    const f = state.cartFields.find((x) => x.field === field);
    return f ? f.label : field;
  }

  const EXTRINSIC = 'Extrinsic.';
  const ATTRIBUTE = 'cart:attributes.';

  /**
   * One row per target field of the chosen format, and for cXML one per extrinsic the mapping names; entries for
   * targets the format does not have are kept aside and sent back unchanged.
   */
  function renderMapping(mapping) {
    const tbody = $('mapping-table').tBodies[0];
    tbody.replaceChildren();
    const format = $('f-format').value;
    const targets = targetsOf(format).slice();
    const known = new Set(targets.map((t) => t.field));
    state.extraMapping = {};
    Object.entries(mapping).forEach(([field, source]) => {
      if (format === 'CXML' && field.startsWith(EXTRINSIC) && field.length > EXTRINSIC.length) {
        targets.push({ field: field, maxLength: null, required: false, 'default': null, extrinsic: true });
      } else if (!known.has(field)) {
        state.extraMapping[field] = source;
      }
    });
    targets.forEach((target, i) => tbody.appendChild(mappingRow(target, mapping[target.field], i)));
    $('add-extrinsic').hidden = format !== 'CXML';
    attachErrorSlots(tbody);
  }

  /** A target's row: where its value comes from (select), the constant or attribute name it needs, its preview. */
  function mappingRow(target, mapped, i) {
    const fallback = defaultSource(target);
    const source = mapped !== undefined ? mapped : fallback;
    const tr = el('tr');
    tr.dataset.field = target.field;
    tr.dataset.default = fallback;
    if (target.extrinsic) {
      tr.dataset.extrinsic = 'true';
    }
    const name = el('th', target.field);
    name.scope = 'row';
    if (target.required) {
      name.appendChild(el('span', ' (required)', 'required'));
    }
    tr.appendChild(name);
    tr.appendChild(el('td', target.maxLength === null || target.maxLength === undefined ? '—' : target.maxLength, 'number'));

    const select = el('select');
    select.id = 'm-' + i;
    select.className = 'mapping-source';
    select.dataset.path = '$.fieldMapping.' + target.field;
    const selectLabel = el('label', 'Value of ' + target.field, 'visually-hidden');
    selectLabel.htmlFor = select.id;
    const options = [['none', 'Nothing']].concat(state.cartFields.map((f) => ['cart:' + f.field, 'Cart: ' + f.label]));
    options.push(['attr', 'Cart attribute (name it)'], ['const', 'Constant']);
    options.forEach(([value, label]) => {
      const isDefault = value === fallback || (value === 'const' && fallback.startsWith('const:'))
        || (value === 'attr' && fallback.startsWith(ATTRIBUTE));
      select.appendChild(new Option(label + (isDefault ? ' (default)' : ''), value));
    });
    let text = '';
    if (source.startsWith('const:')) {
      select.value = 'const';
      text = source.slice(6);
    } else if (source.startsWith(ATTRIBUTE)) {
      select.value = 'attr';
      text = source.slice(ATTRIBUTE.length);
    } else {
      select.value = source;
    }
    const sourceCell = el('td');
    sourceCell.appendChild(selectLabel);
    sourceCell.appendChild(select);
    tr.appendChild(sourceCell);

    const input = el('input');
    input.id = 'mc-' + i;
    input.className = 'mapping-constant';
    input.value = text;
    const inputLabel = el('label', '', 'visually-hidden');
    inputLabel.htmlFor = input.id;
    const needsText = () => {
      input.disabled = select.value !== 'const' && select.value !== 'attr';
      inputLabel.textContent = (select.value === 'attr' ? 'Attribute name for ' : 'Constant for ') + target.field;
      // a constant longer than the field would be refused: the input stops at the field's length
      if (select.value === 'const' && target.maxLength) {
        input.maxLength = target.maxLength;
      } else {
        input.removeAttribute('maxlength');
      }
    };
    needsText();
    const inputCell = el('td');
    inputCell.appendChild(inputLabel);
    inputCell.appendChild(input);
    tr.appendChild(inputCell);
    select.addEventListener('change', () => {
      needsText();
      if (!input.disabled) {
        input.focus();
      }
    });

    const preview = el('td', '', 'preview');
    preview.id = 'mp-' + i;
    preview.setAttribute('aria-label', 'Preview of ' + target.field);
    tr.appendChild(preview);
    return tr;
  }

  /** The mapping as the connection document writes it: only what differs from the format's default, plus extras. */
  function collectMapping() {
    const mapping = Object.assign({}, state.extraMapping || {});
    const original = (state.doc && state.doc.fieldMapping) || {};
    $('mapping-table').querySelectorAll('tbody tr').forEach((tr) => {
      const select = tr.querySelector('select');
      const text = tr.querySelector('input').value;
      const value = select.value === 'const' ? 'const:' + text : select.value === 'attr' ? ATTRIBUTE + text.trim() : select.value;
      if (tr.dataset.extrinsic) {
        if (value !== 'none') { // an extrinsic mapped to nothing is no extrinsic
          mapping[tr.dataset.field] = value;
        }
      } else if (value !== tr.dataset.default || original[tr.dataset.field] !== undefined) {
        mapping[tr.dataset.field] = value;
      }
    });
    return mapping;
  }

  function addExtrinsic() {
    const name = $('x-name').value.trim();
    if (!name) {
      showProblems($('add-extrinsic'), [{ path: '$.extrinsic', message: 'Name the extrinsic, e.g. CostCenter.' }]);
      $('x-name').focus();
      return;
    }
    clearProblems($('add-extrinsic'));
    const mapping = collectMapping();
    mapping[EXTRINSIC + name] = mapping[EXTRINSIC + name] || 'const:';
    renderMapping(mapping);
    $('x-name').value = '';
    const row = Array.from($('mapping-table').querySelectorAll('tbody tr')).find((r) => r.dataset.field === EXTRINSIC + name);
    row.querySelector('select').focus();
    schedulePreview();
  }

  function schedulePreview() {
    clearTimeout(state.previewTimer);
    state.previewTimer = setTimeout(preview, PREVIEW_DELAY_MS);
  }

  async function preview() {
    const seq = ++state.previewSeq;
    const r = await api('POST', '/admin/preview', { connection: collect() });
    if (seq !== state.previewSeq) {
      return; // a newer preview is on its way
    }
    const table = $('mapping-table');
    const cells = new Map();
    table.querySelectorAll('tbody tr').forEach((tr) => cells.set(tr.dataset.field, tr.querySelector('td.preview')));
    cells.forEach((cell) => { cell.textContent = ''; });
    clearProblems($('mapping'));
    if (r.status === 200) {
      r.body.fields.forEach((f) => {
        if (cells.has(f.field)) {
          cells.get(f.field).textContent = f.value;
        }
      });
      $('preview-status').textContent = 'Preview: the demo line as the buyer receives it.';
    } else if (r.status === 400 && problemsOf(r).length) {
      // mapping problems go to their rows; the others are the form's, and saving shows them at their fields
      showProblems($('mapping'), problemsOf(r).filter((p) => (p.path || '').startsWith('$.fieldMapping')));
      $('preview-status').textContent = 'No preview: ' + problemsOf(r).map((p) => p.message).join(' ');
    } else {
      $('preview-status').textContent = 'No preview: ' + describe(r);
    }
  }

  // ---- saving ------------------------------------------------------------------------------------------------

  async function save(event) {
    event.preventDefault();
    clearProblems($('edit-view'));
    $('save-status').textContent = 'Saving…';
    const doc = collect();
    const creating = state.doc === null;
    const r = creating
      ? await api('POST', '/admin/connections', doc)
      : await api('PUT', '/admin/connections/' + enc(state.doc.id), doc);
    $('save-status').textContent = '';
    if (r.status === 200 || r.status === 201) {
      const generated = r.body.generatedSecret;
      delete r.body.generatedSecret;
      state.doc = r.body;
      fill(state.doc);
      $('edit-heading').textContent = 'Connection ' + (state.doc.name || state.doc.id);
      $('save-status').textContent = (creating ? 'Created' : 'Saved') + ' (version ' + state.doc.version + ').';
      if (generated) {
        showSecretOnce($('secret-result'), state.doc.username || state.doc.id, generated, null);
      }
      return;
    }
    if (r.status === 409 && r.body && r.body.currentVersion !== undefined) {
      $('conflict-version').textContent = r.body.currentVersion;
      $('conflict').hidden = false;
      $('reload-connection').focus();
      return;
    }
    const problems = problemsOf(r);
    if (r.status === 409) {
      problems.push({ path: '$.id', message: describe(r) });
    }
    if (problems.length) {
      const first = showProblems($('edit-view'), problems, describe(r));
      (first && first.focus ? first : $('form-problems')).focus();
    } else {
      notice(describe(r));
    }
  }

  // ---- secrets and users -------------------------------------------------------------------------------------

  function showSecretOnce(container, who, secret, previousValidUntil) {
    container.replaceChildren();
    const p = el('p', 'New secret of ' + who + ': ');
    const code = el('code', secret);
    code.id = container.id + '-secret'; // one per place a secret is shown: the connection's, a user's
    code.className = 'generated-secret';
    p.appendChild(code);
    container.appendChild(p);
    container.appendChild(el('p', 'Copy it now: it is not shown again.', 'hint'));
    container.appendChild(overlapText(previousValidUntil));
  }

  function overlapText(previousValidUntil) {
    const p = el('p', previousValidUntil
      ? 'The old secret keeps working until ' + when(previousValidUntil) + '.'
      : 'No old secret works any more.');
    p.className = 'overlap';
    return p;
  }

  function renderSecretState() {
    const s = state.doc && state.doc.secret;
    $('secret-state').textContent = !s || !s.set ? 'No secret is set: every login is refused.'
      : 'A ' + (s.kind || 'set') + ' secret is set.'
        + (s.previousValidUntil ? ' The previous one works until ' + when(s.previousValidUntil) + '.' : '');
  }

  function overlapMinutes() {
    const v = $('s-overlap').value.trim();
    return /^\d+$/.test(v) ? Number(v) : v;
  }

  /** After a secret or user change: the connection's version, secret and users as the API now has them. */
  async function refreshMeta() {
    const r = await api('GET', '/admin/connections/' + enc(state.doc.id));
    if (r.status === 200) {
      state.doc.version = r.body.version;
      state.doc.secret = r.body.secret;
      state.doc.users = r.body.users;
      renderSecretState();
      renderUsers();
    }
  }

  async function changeSecret(body) {
    const section = $('secret-section');
    clearProblems(section);
    body.overlapMinutes = overlapMinutes();
    const r = await api('POST', '/admin/connections/' + enc(state.doc.id) + '/secret', body);
    if (r.status === 200) {
      $('s-secret').value = '';
      if (r.body.generatedSecret) {
        showSecretOnce($('secret-result'), state.doc.id, r.body.generatedSecret, r.body.previousValidUntil);
      } else {
        $('secret-result').replaceChildren(el('p', 'Secret set.'), overlapText(r.body.previousValidUntil));
      }
      await refreshMeta();
    } else {
      placeOrNotice(section, r, '$.secret');
    }
  }

  /** A refusal next to its field; a problem without a path goes next to {@code fallbackPath}. */
  function placeOrNotice(section, reply, fallbackPath) {
    const problems = problemsOf(reply).length ? problemsOf(reply) : [{ path: fallbackPath, message: describe(reply) }];
    const first = showProblems(section, problems.map((p) => slotFor(section, p.path || '') ? p
      : { path: fallbackPath, message: p.message }));
    if (first && first.focus) {
      first.focus();
    }
  }

  function renderUsers() {
    const tbody = $('users').tBodies[0];
    tbody.replaceChildren();
    const users = (state.doc && state.doc.users) || [];
    users.forEach((u) => {
      const tr = el('tr');
      tr.dataset.username = u.username;
      tr.appendChild(el('td', u.username));
      const s = u.secret || {};
      tr.appendChild(el('td', s.set ? (s.kind || 'set') : 'none'));
      tr.appendChild(el('td', when(s.previousValidUntil) || '—'));
      const actions = el('td');
      actions.appendChild(rowButton('Rotate secret', 'rotate-user', 'Rotate the secret of ' + u.username,
        () => putUser(u.username, { generate: true, overlapMinutes: overlapMinutes() })));
      actions.appendChild(rowButton('Remove', 'remove-user', 'Remove ' + u.username, () => removeUser(u.username)));
      tr.appendChild(actions);
      tbody.appendChild(tr);
    });
  }

  async function putUser(username, body) {
    const section = $('users-section');
    clearProblems(section);
    const r = await api('PUT', '/admin/connections/' + enc(state.doc.id) + '/users/' + enc(username), body);
    if (r.status === 200 || r.status === 201) {
      $('u-username').value = '';
      $('u-secret').value = '';
      const verb = r.status === 201 ? 'User ' + username + ' added.' : 'Secret of ' + username + ' replaced.';
      if (r.body.generatedSecret) {
        showSecretOnce($('user-result'), username, r.body.generatedSecret, r.body.previousValidUntil);
        $('user-result').prepend(el('p', verb));
      } else {
        $('user-result').replaceChildren(el('p', verb), overlapText(r.body.previousValidUntil));
      }
      await refreshMeta();
    } else {
      placeOrNotice(section, r, '$.username');
    }
  }

  async function addUser(event) {
    event.preventDefault();
    const username = $('u-username').value.trim();
    if (!username) {
      showProblems($('users-section'), [{ path: '$.username', message: 'Give the new user a name.' }]);
      $('u-username').focus();
      return;
    }
    const secret = $('u-secret').value;
    putUser(username, secret ? { secret: secret } : { generate: true });
  }

  async function removeUser(username) {
    const r = await api('DELETE', '/admin/connections/' + enc(state.doc.id) + '/users/' + enc(username));
    if (r.status === 204 || r.status === 200) {
      $('user-result').replaceChildren(el('p', 'User ' + username + ' removed.'));
      await refreshMeta();
    } else {
      placeOrNotice($('users-section'), r, '$.username');
    }
  }

  // ---- login links (PEPPOL) ----------------------------------------------------------------------------------

  async function loadLinks() {
    const r = await api('GET', '/admin/connections/' + enc(state.doc.id) + '/links');
    const tbody = $('links').tBodies[0];
    tbody.replaceChildren();
    if (r.status !== 200) {
      $('link-result').replaceChildren(el('p', describe(r)));
      return;
    }
    r.body.links.forEach((link) => {
      const tr = el('tr');
      tr.dataset.linkId = link.linkId;
      tr.appendChild(el('td', link.linkId, 'code'));
      tr.appendChild(el('td', link.returnUrl));
      tr.appendChild(el('td', link.buyerReference || ''));
      tr.appendChild(el('td', when(link.createdAt)));
      tr.appendChild(el('td', link.status, 'status'));
      const actions = el('td');
      if (link.status === 'ACTIVE') {
        actions.appendChild(rowButton('Revoke', 'revoke-link', 'Revoke link ' + link.linkId, () => revokeLink(link.linkId)));
      }
      tr.appendChild(actions);
      tbody.appendChild(tr);
    });
  }

  async function createLink(event) {
    event.preventDefault();
    const section = $('links-section');
    clearProblems(section);
    const body = { returnUrl: $('l-returnUrl').value.trim() };
    if ($('l-buyerReference').value.trim()) {
      body.buyerReference = $('l-buyerReference').value.trim();
    }
    const r = await api('POST', '/admin/connections/' + enc(state.doc.id) + '/links', body);
    if (r.status === 201) {
      const result = $('link-result');
      result.replaceChildren();
      const p = el('p', 'New login link: ');
      const code = el('code', r.body.url);
      code.id = 'new-link';
      p.appendChild(code);
      result.appendChild(p);
      result.appendChild(el('p', 'Copy it now: it is not shown again.', 'hint'));
      await loadLinks();
    } else {
      placeOrNotice(section, r, '$.returnUrl');
    }
  }

  async function revokeLink(linkId) {
    const r = await api('DELETE', '/admin/links/' + enc(linkId));
    $('link-result').replaceChildren(el('p', r.status === 200 || r.status === 204
      ? 'Link ' + linkId + ' revoked.' : describe(r)));
    await loadLinks();
  }

  // ---- start -------------------------------------------------------------------------------------------------

  async function start() {
    attachErrorSlots(document);
    const r = await api('GET', '/admin/formats');
    if (r.status !== 200) {
      notice('The admin API did not give its formats: ' + describe(r));
      return;
    }
    state.formats = r.body.formats;
    state.cartFields = r.body.cartFields;
    state.formats.forEach((f) => $('f-format').appendChild(new Option(f.label, f.format)));
    $('new-connection').addEventListener('click', openNew);
    $('refresh-list').addEventListener('click', loadList);
    $('back-to-list').addEventListener('click', showList);
    $('reload-connection').addEventListener('click', () => openEdit(state.doc.id));
    $('f-format').addEventListener('change', () => formatChanged(true));
    $('f-generateSecret').addEventListener('change', () => {
      $('f-password').disabled = $('f-generateSecret').checked;
    });
    $('connection-form').addEventListener('input', schedulePreview);
    $('connection-form').addEventListener('change', schedulePreview);
    $('connection-form').addEventListener('submit', save);
    $('generate-secret').addEventListener('click', () => changeSecret({ generate: true }));
    $('set-secret').addEventListener('click', () => changeSecret({ secret: $('s-secret').value }));
    $('add-user').addEventListener('submit', addUser);
    $('create-link').addEventListener('submit', createLink);
    $('add-extrinsic-button').addEventListener('click', addExtrinsic);
    $('x-name').addEventListener('keydown', (event) => {
      if (event.key === 'Enter') { // adds the extrinsic rather than saving the connection
        event.preventDefault();
        addExtrinsic();
      }
    });
    await loadList();
  }

  document.addEventListener('DOMContentLoaded', start);
}());
