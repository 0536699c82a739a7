// Checks what a kernel sent a widget frontend, and a notebook's saved widget state, against @jupyter-widgets/schema
// (the ipywidgets project's own specification):
//   - the saved state and each view against its JSON schemas (v2/state.schema.json, v2/view.schema.json, with ajv);
//   - each model's state, in comm_open, update, echo_update and update_states messages and in the saved state, against
//     the model specification of its protocol: jupyterwidgetmodels.latest.json for protocol 2.1.0 (ipywidgets 8,
//     @jupyter-widgets/controls 2.0.0), the tables of jupyterwidgetmodels.v7-5.md for protocol 2.0.0 (ipywidgets 7.5+,
//     controls 1.5.0): every key a known attribute of that model, of its type; bytes as binary buffers;
//   - the messages' shapes as messages.md describes them (comm_open metadata.version, data.state and buffer_paths,
//     methods, references to models that exist).
//
//   node check-widgets.mjs SESSION.json     (SESSION: {"protocol", "messages": [...], "notebook": {...}})
// prints {"checked": {...}, "errors": [...]} and exits 1 if there are errors.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';

const require = createRequire(import.meta.url);
const schemaDir = dirname(require.resolve('@jupyter-widgets/schema/package.json'));
const schemas = require('@jupyter-widgets/schema');
const ajv = new Ajv({ allErrors: true, strict: false });
const validateState = ajv.compile(schemas.v2.state);
const validateView = ajv.compile(schemas.v2.view);

// Attribute specifications, per protocol: model name -> {module, version, attributes: {name: spec}}.
function fromJson() {
  const models = {};
  for (const m of JSON.parse(readFileSync(join(schemaDir, 'jupyterwidgetmodels.latest.json'), 'utf8'))) {
    models[m.model.name] = { module: m.model.module, version: m.model.version,
      attributes: Object.fromEntries(m.attributes.map(a => [a.name, a])) };
  }
  return models;
}

// The v7 specification is only published as markdown tables: "| `name` | type | `default` | help |".
function v7Type(text) {
  let t = text.trim();
  const spec = {};
  if (t.startsWith('`null` or ')) {
    spec.allow_none = true;
    t = t.slice('`null` or '.length);
  }
  const oneOf = t.match(/^string \(one of (.*)\)$/);
  if (oneOf) {
    return { ...spec, type: 'string', enum: [...oneOf[1].matchAll(/`'([^']*)'`/g)].map(x => x[1]) };
  }
  const array = t.match(/^array of (.*)$/);
  if (array) {
    return { ...spec, type: 'array', items: v7Type(array[1]) };
  }
  if (/^reference to .* widget$/.test(t)) {
    return { ...spec, type: 'reference' };
  }
  const simple = { 'string': 'string', 'boolean': 'bool', 'number (integer)': 'int', 'number (float)': 'float',
    'Bytes': 'bytes', 'object': 'object', 'array': 'array', 'Date': 'Date' }[t];
  if (!simple) {
    throw new Error('jupyterwidgetmodels.v7-5.md: unknown type ' + text);
  }
  return { ...spec, type: simple };
}

function fromMarkdown(file) {
  const models = {};
  let current = null;
  for (const line of readFileSync(join(schemaDir, file), 'utf8').split('\n')) {
    const heading = line.match(/^### (\w+) \(([^,]+), ([^)]+)\)/);
    if (heading) {
      current = models[heading[1]] = { module: heading[2], version: heading[3], attributes: {} };
      continue;
    }
    const row = line.match(/^\| `(\w+)`\s*\|([^|]*)\|/);
    if (current && row) {
      current.attributes[row[1]] = { name: row[1], ...v7Type(row[2]) };
    }
  }
  return models;
}

const SPECS = { '2.1.0': fromJson(), '2.0.0': fromMarkdown('jupyterwidgetmodels.v7-5.md') };

// A JSON schema for one attribute's value as it travels in JSON (bytes travel as buffers, checked apart).
function valueSchema(a) {
  const types = Array.isArray(a.type) ? a.type : [a.type];
  const one = t => {
    switch (t) {
      case 'string': return a.enum ? { type: 'string', enum: a.enum } : { type: 'string' };
      case 'bool': return { type: 'boolean' };
      case 'int': return { type: 'integer' };
      case 'float': return { type: 'number' };
      case 'reference': return { type: 'string', pattern: '^IPY_MODEL_' };
      case 'array': return a.items ? { type: 'array', items: valueSchema(a.items) } : { type: 'array' };
      case 'object': return { type: 'object' };
      case 'bytes': return { type: 'null' };
      default: return {}; // Date, Datetime, Time: objects whose shape the spec does not give
    }
  };
  const any = types.map(one);
  if (a.allow_none) {
    any.push({ type: 'null' });
  }
  return any.length === 1 ? any[0] : { anyOf: any };
}

const compiled = new Map();
function attributeValidator(protocol, model, name) {
  const key = protocol + ' ' + model + ' ' + name;
  if (!compiled.has(key)) {
    compiled.set(key, ajv.compile(valueSchema(SPECS[protocol][model].attributes[name])));
  }
  return compiled.get(key);
}

const errors = [];
const checked = { comm_open: 0, update: 0, echo_update: 0, update_states: 0, custom: 0, comm_close: 0, views: 0,
  saved_models: 0, attributes: 0 };
const models = new Map(); // comm id -> model name
const fail = (where, what) => errors.push(where + ': ' + what);

// One model's state (a whole one if full), with the keys that came as binary buffers.
function checkModelState(where, protocol, modelName, state, bufferKeys, full) {
  const spec = SPECS[protocol][modelName];
  if (!spec) {
    fail(where, `${modelName} is not a model of protocol ${protocol}`);
    return;
  }
  if (full) {
    for (const k of ['_model_name', '_model_module', '_model_module_version']) {
      if (!(k in state)) {
        fail(where, `the state lacks ${k}`);
      }
    }
    if (state._model_module !== undefined && state._model_module !== spec.module) {
      fail(where, `_model_module is ${state._model_module}, the spec says ${spec.module}`);
    }
    if (state._model_module_version !== undefined && state._model_module_version !== spec.version) {
      fail(where, `_model_module_version is ${state._model_module_version}, the spec says ${spec.version}`);
    }
  }
  for (const [k, v] of Object.entries(state)) {
    checked.attributes++;
    if (k === '_view_count') { // a trait of every ipywidgets Widget that generate-spec.py leaves out on purpose
      if (v !== null && !Number.isInteger(v)) {
        fail(where, `_view_count is ${JSON.stringify(v)}`);
      }
      continue;
    }
    const a = spec.attributes[k];
    if (!a) {
      fail(where, `${modelName} has no attribute ${k}`);
      continue;
    }
    if (a.type === 'bytes' && v !== null && v !== undefined) {
      fail(where, `${k} is bytes: it travels as a binary buffer named in buffer_paths, not in the JSON`);
      continue;
    }
    const validate = attributeValidator(protocol, modelName, k);
    if (!validate(v)) {
      fail(where, `${modelName}.${k} = ${JSON.stringify(v).slice(0, 80)}: ${ajv.errorsText(validate.errors)}`);
    }
    if (a.type === 'reference' && typeof v === 'string' && v.startsWith('IPY_MODEL_') && !models.has(v.slice(10))) {
      fail(where, `${k} refers to ${v}, which no comm_open made`);
    }
    if (Array.isArray(v) && a.items && a.items.type === 'reference') {
      for (const r of v) {
        if (typeof r === 'string' && r.startsWith('IPY_MODEL_') && !models.has(r.slice(10))) {
          fail(where, `${k} refers to ${r}, which no comm_open made`);
        }
      }
    }
  }
  for (const k of bufferKeys) {
    const a = spec.attributes[k];
    if (!a || a.type !== 'bytes') {
      fail(where, `buffer_paths names ${k}, which is not a bytes attribute of ${modelName}`);
    }
  }
}

function bufferKeys(where, paths, buffers, depth) {
  if (!Array.isArray(paths)) {
    fail(where, 'buffer_paths is missing or not a list');
    return [];
  }
  if (buffers !== undefined && buffers.length !== paths.length) {
    fail(where, `${paths.length} buffer_paths but ${buffers.length} buffers`);
  }
  return paths.map(p => {
    if (!Array.isArray(p) || p.length !== depth) {
      fail(where, `buffer path ${JSON.stringify(p)} should have ${depth} part(s)`);
    }
    return p[depth - 1];
  });
}

function checkMessage(protocol, m, i) {
  const where = `message ${i} (${m.msg_type})`;
  const c = m.content;
  if (m.msg_type === 'comm_open' && c.target_name === 'jupyter.widget') {
    checked.comm_open++;
    if (!m.metadata || m.metadata.version !== protocol) {
      fail(where, `metadata.version is ${JSON.stringify(m.metadata && m.metadata.version)}, expected ${protocol}`);
    }
    if (!c.data || typeof c.data.state !== 'object') {
      fail(where, 'data.state is missing');
      return;
    }
    const keys = bufferKeys(where, c.data.buffer_paths, m.buffers, 1);
    models.set(c.comm_id, c.data.state._model_name);
    checkModelState(where, protocol, c.data.state._model_name, c.data.state, keys, true);
  } else if (m.msg_type === 'comm_msg' && models.has(c.comm_id)) {
    const d = c.data || {};
    const model = models.get(c.comm_id);
    if (d.method === 'update' || d.method === 'echo_update') {
      checked[d.method]++;
      if (d.method === 'echo_update' && protocol !== '2.1.0') {
        fail(where, 'echo_update is protocol 2.1.0 only');
      }
      const keys = bufferKeys(where, d.buffer_paths, m.buffers, 1);
      checkModelState(where, protocol, model, d.state || {}, keys, false);
    } else if (d.method === 'custom') {
      checked.custom++;
      if (!('content' in d)) {
        fail(where, 'a custom message has content');
      }
    } else {
      fail(where, `the kernel sent the method ${JSON.stringify(d.method)} to a widget`);
    }
  } else if (m.msg_type === 'comm_msg' && c.data && c.data.method === 'update_states') {
    // The reply to request_states on jupyter.widget.control: states[id] is {model_name, model_module,
    // model_module_version, state}, as ipywidgets' Widget._handle_control_comm_msg sends it, and a buffer's path runs
    // from the id through "state" to the key, since the managers (base-manager's _loadFromKernel) put each buffer
    // into states[id] along the rest of its path.
    checked.update_states++;
    const paths = c.data.buffer_paths;
    if (!Array.isArray(paths)) {
      fail(where, 'buffer_paths is missing or not a list');
    } else if (m.buffers !== undefined && m.buffers.length !== paths.length) {
      fail(where, `${paths.length} buffer_paths but ${m.buffers.length} buffers`);
    }
    for (const [id, entry] of Object.entries(c.data.states || {})) {
      const at = `${where} states.${id}`;
      if (!entry || typeof entry.state !== 'object' || typeof entry.model_name !== 'string') {
        fail(at, 'an entry is {model_name, model_module, model_module_version, state}');
        continue;
      }
      const keys = (paths || []).filter(p => p[0] === id).map(p => {
        if (p.length !== 3 || p[1] !== 'state') {
          fail(at, `buffer path ${JSON.stringify(p)} should be [id, "state", key]: the managers put the buffer into states[id] along the rest of the path`);
        }
        return p[p.length - 1];
      });
      for (const k of ['model_name', 'model_module', 'model_module_version']) {
        if (entry.state['_' + k] !== undefined && entry.state['_' + k] !== entry[k]) {
          fail(at, `${k} ${entry[k]} differs from the state's _${k} ${entry.state['_' + k]}`);
        }
      }
      checkModelState(at, protocol, entry.model_name, entry.state, keys, true);
    }
  } else if (m.msg_type === 'comm_close' && models.has(c.comm_id)) {
    checked.comm_close++;
    models.delete(c.comm_id);
  } else if ((m.msg_type === 'display_data' || m.msg_type === 'execute_result' || m.msg_type === 'update_display_data')
      && c.data && c.data['application/vnd.jupyter.widget-view+json']) {
    checkView(where, c.data['application/vnd.jupyter.widget-view+json'], id => models.has(id));
  }
}

function checkView(where, view, known) {
  checked.views++;
  if (!validateView(view)) {
    fail(where, 'widget-view+json: ' + ajv.errorsText(validateView.errors));
  }
  if (view.version_major !== 2) {
    fail(where, `widget-view+json version_major is ${view.version_major}, ipywidgets 7/8 frontends want 2`);
  }
  if (!known(view.model_id)) {
    fail(where, `the view shows ${view.model_id}, which is not an open widget`);
  }
}

function checkNotebook(protocol, nb) {
  const saved = nb.metadata && nb.metadata.widgets && nb.metadata.widgets['application/vnd.jupyter.widget-state+json'];
  if (!saved) {
    fail('notebook', 'metadata.widgets has no application/vnd.jupyter.widget-state+json');
    return;
  }
  if (!validateState(saved)) {
    fail('notebook', 'widget-state+json: ' + ajv.errorsText(validateState.errors));
  }
  models.clear();
  Object.keys(saved.state || {}).forEach(id => models.set(id, saved.state[id].model_name));
  for (const [id, entry] of Object.entries(saved.state || {})) {
    checked.saved_models++;
    const state = { ...entry.state, _model_name: entry.model_name, _model_module: entry.model_module,
      _model_module_version: entry.model_module_version };
    checkModelState(`saved state ${id}`, protocol, entry.model_name, state,
      (entry.buffers || []).map(b => b.path[b.path.length - 1]), true);
  }
  (nb.cells || []).forEach((cell, i) => (cell.outputs || []).forEach(o => {
    if (o.data && o.data['application/vnd.jupyter.widget-view+json']) {
      checkView(`cell ${i}`, o.data['application/vnd.jupyter.widget-view+json'], id => id in saved.state);
    }
  }));
}

const session = JSON.parse(readFileSync(process.argv[2], 'utf8'));
if (!SPECS[session.protocol]) {
  fail('session', `protocol ${session.protocol}: the schema package specifies ${Object.keys(SPECS).join(', ')}`);
} else {
  (session.messages || []).forEach((m, i) => checkMessage(session.protocol, m, i));
  if (session.notebook) {
    checkNotebook(session.protocol, session.notebook);
  }
}
console.log(JSON.stringify({ checked, errors }));
process.exit(errors.length ? 1 : 0);
