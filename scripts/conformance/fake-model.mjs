// A loopback stand-in for the model APIs the probed tools call. It records every request
// (method, path, parsed body) and answers with the smallest reply each wire format accepts:
// the text "ok", so a tool run ends after one turn. One exception plays the model's part in a
// tool's skill mechanism: where a tool sends a typed `/name args` to the model as text and
// offers a skill tool whose description says to call it for a slash command (Gemini CLI's
// `activate_skill`, Cline's `skills`), the first reply is that call for `name`, as a model
// following the tool's instructions makes; the tool's answer then comes in a second request.
// It binds to 127.0.0.1 only and never forwards anything.
import http from 'node:http';

const TEXT = 'ok';

function sse(res, events) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const [name, data] of events) {
    if (name) res.write(`event: ${name}\n`);
    res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
  }
  res.end();
}

function json(res, body, status = 200) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

// A value that satisfies a JSON schema (Gemini's upper-case types too), for calls that ask
// for structured output (routers, classifiers, next-speaker checks).
function fromSchema(schema) {
  if (!schema || typeof schema !== 'object') return TEXT;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  const type = String(Array.isArray(schema.type) ? schema.type[0] : schema.type ?? 'object').toLowerCase();
  if (type === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(schema.properties ?? {})) out[k] = fromSchema(v);
    return out;
  }
  if (type === 'array') return [];
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return false;
  return TEXT;
}

/** `name` and the rest of a typed `/name args` line in `texts`, if there is one. */
function slashCommand(texts) {
  for (const t of texts) {
    const m = /(?:^|[\s>])\/([a-z0-9][a-z0-9-]{0,63})(?=\s|$|<)/m.exec(String(t));
    if (m) return m[1];
  }
  return null;
}

/** Gemini: a call of `activate_skill` for a typed `/name` that names an offered skill, before any tool answer. */
function geminiSkillCall(body) {
  const decls = (body?.tools ?? []).flatMap((t) => t.functionDeclarations ?? []);
  const tool = decls.find((d) => d.name === 'activate_skill');
  const contents = body?.contents ?? [];
  const last = contents[contents.length - 1];
  if (!tool || last?.role !== 'user' || (last.parts ?? []).some((p) => p.functionResponse)) return null;
  const name = slashCommand((last.parts ?? []).map((p) => p.text ?? ''));
  const offered = tool.parameters?.properties?.name?.enum ?? tool.parametersJsonSchema?.properties?.name?.enum;
  if (!name || (Array.isArray(offered) && !offered.includes(name))) return null;
  return { functionCall: { name: 'activate_skill', args: { name } } };
}

function geminiReply(res, stream, body) {
  const config = body?.generationConfig ?? {};
  const schema = config.responseJsonSchema ?? config.responseSchema;
  const text = config.responseMimeType === 'application/json' ? JSON.stringify(fromSchema(schema)) : TEXT;
  const call = config.responseMimeType === 'application/json' ? null : geminiSkillCall(body);
  const chunk = {
    candidates: [{ content: { role: 'model', parts: [call ?? { text }] }, finishReason: 'STOP', index: 0 }],
    usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 1, totalTokenCount: 2 },
    modelVersion: 'gemini-fake',
  };
  if (stream) sse(res, [[null, chunk]]);
  else json(res, chunk);
}

function anthropicReply(res, body) {
  const message = {
    id: 'msg_fake', type: 'message', role: 'assistant', model: body?.model ?? 'fake',
    content: [], stop_reason: null, stop_sequence: null,
    usage: { input_tokens: 1, output_tokens: 1 },
  };
  if (!body?.stream) {
    json(res, { ...message, content: [{ type: 'text', text: TEXT }], stop_reason: 'end_turn' });
    return;
  }
  sse(res, [
    ['message_start', { type: 'message_start', message }],
    ['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }],
    ['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: TEXT } }],
    ['content_block_stop', { type: 'content_block_stop', index: 0 }],
    ['message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 1 } }],
    ['message_stop', { type: 'message_stop' }],
  ]);
}

/** Cline (OpenAI chat format): a call of `skills` for a typed `/name args`, before any tool answer. */
function chatSkillCall(body) {
  const tool = (body?.tools ?? []).find((t) => t.function?.name === 'skills');
  const messages = body?.messages ?? [];
  const last = messages[messages.length - 1];
  if (!tool || last?.role !== 'user') return null;
  const texts = Array.isArray(last.content) ? last.content.map((c) => c.text ?? '') : [String(last.content ?? '')];
  const name = slashCommand(texts);
  if (!name) return null;
  const args = texts.join(' ').split(`/${name}`)[1]?.replace(/<[^>]*>/g, ' ').trim() ?? '';
  return { id: 'call_fake_skill', type: 'function', function: { name: 'skills', arguments: JSON.stringify({ skill: name, args }) } };
}

function chatReply(res, body) {
  const base = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model: body?.model ?? 'fake' };
  const call = chatSkillCall(body);
  if (call) {
    if (!body?.stream) {
      json(res, { ...base, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: null, tool_calls: [call] }, finish_reason: 'tool_calls' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } });
      return;
    }
    sse(res, [
      [null, { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: null, tool_calls: [{ index: 0, ...call }] }, finish_reason: null }] }],
      [null, { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }],
      [null, '[DONE]'],
    ]);
    return;
  }
  if (!body?.stream) {
    json(res, {
      ...base, object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content: TEXT }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    });
    return;
  }
  sse(res, [
    [null, { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: TEXT }, finish_reason: null }] }],
    [null, { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }],
    [null, '[DONE]'],
  ]);
}

function responsesReply(res, body) {
  const item = { id: 'msg_fake', type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: TEXT, annotations: [] }] };
  const response = {
    id: 'resp_fake', object: 'response', created_at: 0, status: 'completed', model: body?.model ?? 'fake',
    output: [item], usage: { input_tokens: 1, input_tokens_details: { cached_tokens: 0 }, output_tokens: 1, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 2 },
  };
  if (body?.stream === false) { json(res, response); return; }
  sse(res, [
    ['response.created', { type: 'response.created', response: { ...response, status: 'in_progress', output: [] } }],
    ['response.output_item.added', { type: 'response.output_item.added', output_index: 0, item: { ...item, status: 'in_progress', content: [] } }],
    ['response.output_text.delta', { type: 'response.output_text.delta', item_id: 'msg_fake', output_index: 0, content_index: 0, delta: TEXT }],
    ['response.output_item.done', { type: 'response.output_item.done', output_index: 0, item }],
    ['response.completed', { type: 'response.completed', response }],
  ]);
}

/** Start the server. Returns { url, port, requests, close }. `requests` fills as calls arrive. */
export async function startFakeModel() {
  const requests = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body = null;
      try { body = raw ? JSON.parse(raw) : null; } catch { body = raw; }
      const url = req.url ?? '/';
      requests.push({ method: req.method, url, headers: req.headers, body });
      const p = url.split('?')[0];
      if (p.endsWith(':streamGenerateContent')) return geminiReply(res, true, body);
      if (p.endsWith(':generateContent')) return geminiReply(res, false, body);
      if (p.endsWith(':countTokens')) return json(res, { totalTokens: 1 });
      if (p.endsWith('/messages/count_tokens')) return json(res, { input_tokens: 1 });
      if (p.endsWith('/messages')) return anthropicReply(res, body);
      if (p.endsWith('/chat/completions')) return chatReply(res, body);
      if (p.endsWith('/responses')) return responsesReply(res, body);
      if (p.endsWith('/models')) return json(res, { object: 'list', data: [{ id: 'fake-model', object: 'model', created: 0, owned_by: 'fake' }], models: [] });
      json(res, { error: { message: `fake model server: no route for ${req.method} ${p}` } }, 404);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}

// Run alone (`node fake-model.mjs`) to keep a server up and print each request: handy while
// exploring a new tool.
if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await startFakeModel();
  console.log(`fake model on ${s.url}`);
  let seen = 0;
  setInterval(() => {
    while (seen < s.requests.length) {
      const r = s.requests[seen++];
      console.log(JSON.stringify({ method: r.method, url: r.url, body: r.body }));
    }
  }, 200);
}
