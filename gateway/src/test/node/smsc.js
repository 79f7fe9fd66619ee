#!/usr/bin/env node
/*
 * An SMSC for smsgw's interop tests, built on the npm package `smpp` (an SMPP stack smsgw did not write).
 *
 * It listens for SMPP on 127.0.0.1 and for control requests over HTTP on 127.0.0.1, both on ports the system picks,
 * and prints one line to stdout once both listen:
 *     LISTENING {"smpp":<port>,"http":<port>}
 * It exits when its stdin closes (so it never outlives the test that started it), on SIGTERM or on SIGINT.
 *
 * Options: --system-id=ID --password=PW (binds with other credentials get ESME_RBINDFAIL),
 *          --window=N (deliver_sm in flight per session, default 100), --dlr-delay-ms=N (default 0),
 *          --throttle-every=N (every Nth submit_sm is answered ESME_RTHROTTLED; 0 = never),
 *          --on-unbind=answer|drop (answer unbind and close the connection, the default, or close it without
 *          answering).
 *
 * Control (JSON over HTTP):
 *   POST /mo     {"messages":[{"src","dst","text","coding":"gsm"|"ucs2","parts":n}]}
 *                queues MO as deliver_sm; parts > 1 splits the text into n segments, each with a concatenation
 *                UDH (05 00 03 ref n i) and esm_class 0x40.
 *   POST /burst  {"count","firstSrc","dst","text","coding"} queues count MO, each from its own reporter
 *                (firstSrc, firstSrc + 1, ...).
 *   GET  /stats  counters: binds, MO deliver_sm sent and their responses by command_status, submit_sm received,
 *                throttled and accepted, DLRs sent and their responses by command_status.
 *   GET  /submits every accepted submit_sm: source, destination, data_coding, text as this stack decodes it,
 *                the message id given, whether a DLR was asked for, and validity_period as the instant this stack
 *                reads it (ISO 8601; "" when absent, "invalid" when it does not read as a time).
 * MO is sent round robin over the bound receiver-capable sessions; DLRs go back on the session of their submit_sm
 * and are sent again 100 ms later when the ESME answers them ESME_RTHROTTLED or ESME_RMSGQFUL.
 */
'use strict';
const http = require('http');
const smpp = require('smpp');

const ESME_RTHROTTLED = 0x58;
const ESME_RMSGQFUL = 0x14;

function parseOptions(argv) {
  const options = { systemId: undefined, password: undefined, window: 100, dlrDelayMs: 0, throttleEvery: 0,
    onUnbind: 'answer' };
  for (const arg of argv) {
    const m = /^--([a-z-]+)=(.*)$/.exec(arg);
    if (!m) throw new Error(`unknown argument ${arg}`);
    const [, key, value] = m;
    if (key === 'system-id') options.systemId = value;
    else if (key === 'password') options.password = value;
    else if (key === 'window') options.window = positive(key, value);
    else if (key === 'dlr-delay-ms') options.dlrDelayMs = positive(key, value, 0);
    else if (key === 'throttle-every') options.throttleEvery = positive(key, value, 0);
    else if (key === 'on-unbind') options.onUnbind = oneOf(key, value, ['answer', 'drop']);
    else throw new Error(`unknown option --${key}`);
  }
  return options;
}

function oneOf(key, value, allowed) {
  if (!allowed.includes(value)) throw new Error(`--${key} must be one of ${allowed.join(', ')}: ${value}`);
  return value;
}

function positive(key, value, min = 1) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${key} must be an integer >= ${min}: ${value}`);
  return n;
}

const options = parseOptions(process.argv.slice(2));

const stats = {
  binds: 0,
  bindsRejected: 0,
  mo: { queued: 0, sent: 0, responses: {} },
  submit: { received: 0, throttled: 0, accepted: 0 },
  dlr: { queued: 0, sent: 0, responses: {} },
};
const submits = [];
const sessions = [];
let nextSession = 0;
let nextMessageId = 0xabc000;
let concatRef = 0;

function log(message) {
  console.error(`${new Date().toISOString()} ${message}`);
}

function count(table, status) {
  table[status] = (table[status] || 0) + 1;
}

// ---- MO ----------------------------------------------------------------------------------------------------------

function encode(text, coding) {
  if (coding === 'ucs2') return { dataCoding: 0x08, bytes: smpp.encodings.UCS2.encode(text) };
  if (coding === 'gsm') return { dataCoding: 0x00, bytes: smpp.encodings.ASCII.encode(text) };
  throw new Error(`coding must be gsm or ucs2: ${coding}`);
}

/** The deliver_sm PDUs (as option objects) that carry one MO message. */
function moPdus(message) {
  const parts = message.parts || 1;
  const coding = message.coding || 'gsm';
  const base = {
    source_addr_ton: 1, source_addr_npi: 1, source_addr: String(message.src),
    dest_addr_ton: 0, dest_addr_npi: 1, destination_addr: String(message.dst),
  };
  if (parts === 1) {
    const { dataCoding, bytes } = encode(message.text, coding);
    return [Object.assign({ esm_class: 0, data_coding: dataCoding, short_message: bytes }, base)];
  }
  // split on characters (code points), never inside a surrogate pair or a GSM escape
  const chars = Array.from(message.text);
  const size = Math.ceil(chars.length / parts);
  concatRef = (concatRef + 1) & 0xff;
  const pdus = [];
  for (let i = 0; i < parts; i++) {
    const { dataCoding, bytes } = encode(chars.slice(i * size, (i + 1) * size).join(''), coding);
    const udh = Buffer.from([0x05, 0x00, 0x03, concatRef, parts, i + 1]);
    pdus.push(Object.assign({ esm_class: 0x40, data_coding: dataCoding, short_message: Buffer.concat([udh, bytes]) },
      base));
  }
  return pdus;
}

const moQueue = [];

function receivers() {
  return sessions.filter((s) => s.bound && s.receives && !s.closed);
}

function queueMo(messages) {
  if (!receivers().length) return false;
  for (const m of messages) {
    for (const pdu of moPdus(m)) {
      moQueue.push(pdu);
      stats.mo.queued++;
    }
  }
  pumpMo();
  return true;
}

function pumpMo() {
  const ready = receivers();
  let idle = 0;
  while (moQueue.length && ready.length && idle < ready.length) {
    const session = ready[nextSession++ % ready.length];
    if (session.moInFlight >= options.window) {
      idle++;
      continue;
    }
    idle = 0;
    const pdu = moQueue.shift();
    session.moInFlight++;
    stats.mo.sent++;
    session.deliver_sm(pdu, (resp) => {
      session.moInFlight--;
      count(stats.mo.responses, resp.command_status);
      pumpMo();
    });
  }
}

// ---- submit_sm and receipts ----------------------------------------------------------------------------------------

function smppTime(date) {
  const p = (n) => String(n).padStart(2, '0');
  return p(date.getUTCFullYear() % 100) + p(date.getUTCMonth() + 1) + p(date.getUTCDate())
    + p(date.getUTCHours()) + p(date.getUTCMinutes()) + p(date.getUTCSeconds());
}

function decodedText(pdu) {
  const sm = pdu.short_message;
  if (sm && typeof sm === 'object' && 'message' in sm) return String(sm.message);
  if (pdu.message_payload && typeof pdu.message_payload === 'object') return String(pdu.message_payload.message);
  return '';
}

function validity(value) {
  if (!value) return '';
  return value instanceof Date && !isNaN(value.getTime()) ? value.toISOString() : 'invalid';
}

function onSubmit(session, pdu) {
  if (!session.bound) {
    session.send(pdu.response({ command_status: smpp.ESME_RINVBNDSTS }));
    return;
  }
  stats.submit.received++;
  if (options.throttleEvery > 0 && stats.submit.received % options.throttleEvery === 0) {
    stats.submit.throttled++;
    session.send(pdu.response({ command_status: ESME_RTHROTTLED }));
    return;
  }
  const id = (nextMessageId++).toString(16);
  const wantsReceipt = (pdu.registered_delivery & 0x03) !== 0;
  stats.submit.accepted++;
  submits.push({
    src: pdu.source_addr, dst: pdu.destination_addr, dataCoding: pdu.data_coding, esmClass: pdu.esm_class,
    text: decodedText(pdu), messageId: id, receipt: wantsReceipt, validity: validity(pdu.validity_period),
  });
  session.send(pdu.response({ message_id: id }));
  if (wantsReceipt && session.receives) {
    const submitted = new Date();
    setTimeout(() => queueReceipt(session, pdu, id, submitted), options.dlrDelayMs);
  }
}

function queueReceipt(session, submit, id, submitted) {
  if (session.closed) return;
  const text = `id:${id} sub:001 dlvrd:001 submit date:${smppTime(submitted)} done date:${smppTime(new Date())}`
    + ' stat:DELIVRD err:000 text:';
  session.dlrQueue.push({
    source_addr_ton: submit.dest_addr_ton, source_addr_npi: submit.dest_addr_npi, source_addr: submit.destination_addr,
    dest_addr_ton: submit.source_addr_ton, dest_addr_npi: submit.source_addr_npi, destination_addr: submit.source_addr,
    esm_class: 0x04, data_coding: 0x00, short_message: Buffer.from(text, 'latin1'),
    receipted_message_id: id, message_state: 2,
  });
  stats.dlr.queued++;
  pumpReceipts(session);
}

function pumpReceipts(session) {
  while (!session.closed && session.dlrQueue.length && session.dlrInFlight < options.window) {
    const pdu = session.dlrQueue.shift();
    session.dlrInFlight++;
    stats.dlr.sent++;
    session.deliver_sm(Object.assign({}, pdu), (resp) => {
      session.dlrInFlight--;
      count(stats.dlr.responses, resp.command_status);
      if (resp.command_status === ESME_RTHROTTLED || resp.command_status === ESME_RMSGQFUL) {
        setTimeout(() => { session.dlrQueue.push(pdu); pumpReceipts(session); }, 100);
      }
      pumpReceipts(session);
    });
  }
}

// ---- SMPP server ---------------------------------------------------------------------------------------------------

const server = smpp.createServer((session) => {
  Object.assign(session, { bound: false, receives: false, closed: false, moInFlight: 0, dlrQueue: [], dlrInFlight: 0 });
  sessions.push(session);
  session.on('error', (e) => log(`session error: ${e && e.stack ? e.stack : e}`));
  session.on('close', () => {
    log(`session closed: ${JSON.stringify(stats)}`);
    session.closed = true;
    sessions.splice(sessions.indexOf(session), 1);
  });
  const bind = (receives) => (pdu) => {
    if ((options.systemId !== undefined && pdu.system_id !== options.systemId)
        || (options.password !== undefined && pdu.password !== options.password)) {
      stats.bindsRejected++;
      session.send(pdu.response({ command_status: smpp.ESME_RBINDFAIL }));
      session.close();
      return;
    }
    if (session.bound) {
      session.send(pdu.response({ command_status: smpp.ESME_RALYBND }));
      return;
    }
    session.bound = true;
    session.receives = receives;
    stats.binds++;
    session.send(pdu.response({ system_id: 'node-smsc' }));
    log(`${pdu.command} accepted`);
    pumpMo();
  };
  session.on('bind_transceiver', bind(true));
  session.on('bind_receiver', bind(true));
  session.on('bind_transmitter', bind(false));
  session.on('enquire_link', (pdu) => session.send(pdu.response()));
  session.on('unbind', (pdu) => {
    log(`unbind received (${options.onUnbind})`);
    if (options.onUnbind === 'answer') session.send(pdu.response());
    session.close();
  });
  session.on('submit_sm', (pdu) => onSubmit(session, pdu));
});

// ---- HTTP control --------------------------------------------------------------------------------------------------

function readJson(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {});
      } catch (e) {
        reject(e);
      }
    });
    req.on('error', reject);
  });
}

function burst(body) {
  const first = BigInt(body.firstSrc);
  const messages = [];
  for (let i = 0; i < body.count; i++) {
    messages.push({ src: String(first + BigInt(i)), dst: body.dst, text: body.text, coding: body.coding || 'gsm' });
  }
  return messages;
}

const control = http.createServer(async (req, res) => {
  const reply = (status, body) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  try {
    if (req.method === 'GET' && req.url === '/stats') {
      return reply(200, Object.assign({ boundSessions: sessions.filter((s) => s.bound).length,
        moWaiting: moQueue.length }, stats));
    }
    if (req.method === 'GET' && req.url === '/submits') return reply(200, submits);
    if (req.method === 'POST' && (req.url === '/mo' || req.url === '/burst')) {
      const body = await readJson(req);
      const messages = req.url === '/mo' ? body.messages : burst(body);
      if (!queueMo(messages)) return reply(409, { error: 'no bound receiver or transceiver session' });
      return reply(202, { queued: messages.length });
    }
    return reply(404, { error: 'GET /stats, GET /submits, POST /mo, POST /burst' });
  } catch (e) {
    return reply(400, { error: String(e && e.message ? e.message : e) });
  }
});

function shutdown() {
  for (const s of [...sessions]) s.destroy();
  server.close();
  control.close();
  process.exit(0);
}

server.on('error', (e) => { console.error(`smpp listen failed: ${e.message}`); process.exit(2); });
control.on('error', (e) => { console.error(`http listen failed: ${e.message}`); process.exit(2); });
server.listen(0, '127.0.0.1', () => {
  control.listen(0, '127.0.0.1', () => {
    console.log(`LISTENING ${JSON.stringify({ smpp: server.address().port, http: control.address().port })}`);
  });
});
process.stdin.on('end', shutdown);
process.stdin.on('error', shutdown);
process.stdin.resume();
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
