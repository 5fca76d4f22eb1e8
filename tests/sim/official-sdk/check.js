// Drives a fresh dcs-sim through Huawei Cloud's official Node.js SDK core: its own AK/SK signer
// (UNSIGNED-PAYLOAD on non-JSON calls, every header signed), its HTTP client and its error
// parsing. On v1.0: lists instances and backups, restores with a Chinese remark, follows the
// record to its end, and reads the v1 and gateway error shapes. On v2, each call is sent exactly
// as the DCS service SDK builds it (services/dcs/v2/DcsClient.ts: method, path, query names,
// contentType "application/json" on GET/DELETE and "application/json;charset=UTF-8" plus that
// Content-Type header on calls with a body): list instances, show, list backups, create a
// backup, its download links (and the files behind them), restore with a Chinese remark, list
// restores, background tasks, the empty-list and delete 204s, and the flat v2 error shape.
//   mkdir -p <dir> && cp package.json <dir> && npm install --prefix <dir>
//   NODE_PATH=<dir>/node_modules node check.js <path of dcs-sim>   (0 all good, 77 no SDK)
const assert = require('assert');
const http = require('http');
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

// Not installed (NODE_PATH has no SDK): exit 77, which ctest reports as "skipped".
let core;
let ClientBuilder;
try {
  core = require('@huaweicloud/huaweicloud-sdk-core');
  ({ ClientBuilder } = require('@huaweicloud/huaweicloud-sdk-core/ClientBuilder'));
} catch (e) {
  if (e.code !== 'MODULE_NOT_FOUND') throw e;
  console.log(`official SDK check skipped: @huaweicloud/huaweicloud-sdk-core not found (NODE_PATH=${process.env.NODE_PATH || ''})`);
  process.exit(77);
}

const AK = 'SDKCHECKAK0123456789';
const SK = 'sdk-check-secret';
const PROJECT = '5f4e3d2c1b0a49687766554433221100';

function startSim(program) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcs-sim-sdk-'));
  const child = spawn(program, ['--port', '0', '--state', path.join(dir, 'state.json'),
    '--ak', AK, '--sk', SK, '--project-id', PROJECT, '--restore-seconds', '2',
    '--backup-seconds', '1'],
  { stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve({ child, url: out.split('\n')[0].trim() });
    });
    child.on('exit', (code) => reject(new Error(`dcs-sim exited with ${code}`)));
  });
}

function client(url, sk = SK) {
  const credentials = new core.BasicCredentials().withAk(AK).withSk(sk).withProjectId(PROJECT);
  return new ClientBuilder((c) => c).withCredential(credentials).withEndpoint(url).build();
}

function call(hc, method, url, { pathParams = {}, queryParams = {}, data, json = true } = {}) {
  const options = { method, url, pathParams, queryParams, headers: {}, data };
  if (json) options.contentType = 'application/json';
  return hc.sendRequest(options);
}

// As the v2 ParamCreater builds its options, field by field.
function v2(hc, method, url, { pathParams = {}, queryParams = {}, body } = {}) {
  const options = {
    method,
    url,
    contentType: body === undefined ? 'application/json' : 'application/json;charset=UTF-8',
    queryParams,
    pathParams,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json;charset=UTF-8' },
  };
  if (body !== undefined) options.data = body;
  options.responseHeaders = [''];
  return hc.sendRequest(options);
}

// The status, the announced length and the first bytes of a file behind a link; the rest of a
// backup of gigabytes is not fetched (tst_simstate checks whole files, byte for byte).
function head(link) {
  return new Promise((resolve, reject) => {
    const request = http.get(link, (res) => {
      res.once('data', (chunk) => {
        resolve({ status: res.statusCode, length: Number(res.headers['content-length']), first: chunk });
        request.destroy();
      });
      res.on('error', () => {});
    });
    request.on('error', (e) => { if (e.code !== 'ECONNRESET') reject(e); });
  });
}

async function waitFor(read, done) {
  let value;
  for (let i = 0; i < 100; ++i) {
    value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  return value;
}

async function checkV2(url) {
  const hc = client(url);
  const list = await v2(hc, 'GET', '/v2/{project_id}/instances', { queryParams: { offset: 0, limit: 1000 } });
  assert.strictEqual(list.httpStatusCode, 200);
  assert.ok(list.instance_num >= 8);
  const byName = (name) => list.instances.find((i) => i.name === name);
  const ha = byName('order-cache-prod');
  assert.ok(ha.updated_at && ha.update_at === undefined && ha.domainName === undefined);
  const second = await v2(hc, 'GET', '/v2/{project_id}/instances', { queryParams: { offset: 1, limit: 1 } });
  assert.strictEqual(second.instances[0].instance_id, list.instances[1].instance_id);

  const show = await v2(hc, 'GET', '/v2/{project_id}/instances/{instance_id}',
    { pathParams: { instance_id: ha.instance_id } });
  assert.strictEqual(show.cache_mode, 'ha');
  assert.ok(show.update_at && show.instance_backup_policy.policy.backup_type);

  const begin = new Date(Date.now() - 3 * 86400e3).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const backups = await v2(hc, 'GET', '/v2/{project_id}/instances/{instance_id}/backups',
    { pathParams: { instance_id: ha.instance_id }, queryParams: { begin_time: begin, limit: 10, offset: 0 } });
  assert.ok(backups.total_num >= 2 && backups.total_num < 8);
  const usable = backups.backup_record_response.find(
    (b) => b.status === 'succeed' && b.is_support_restore === 'TRUE');

  // A manual backup of the proxy cluster, then its files through the links (one per shard).
  const proxy = byName('user-profile-cache');
  const created = await v2(hc, 'POST', '/v2/{project_id}/instances/{instance_id}/backups',
    { pathParams: { instance_id: proxy.instance_id }, body: { remark: '官方 SDK v2 备份', backup_format: 'rdb' } });
  assert.ok(created.backup_id);
  const record = await waitFor(async () => (await v2(hc, 'GET', '/v2/{project_id}/instances/{instance_id}/backups',
    { pathParams: { instance_id: proxy.instance_id }, queryParams: { offset: 0, limit: 10 } }))
    .backup_record_response.find((b) => b.backup_id === created.backup_id), (b) => b.status === 'succeed');
  assert.strictEqual(record.status, 'succeed');
  assert.strictEqual(record.remark, '官方 SDK v2 备份');
  const links = await v2(hc, 'POST', '/v2/{project_id}/instances/{instance_id}/backups/{backup_id}/links',
    { pathParams: { instance_id: proxy.instance_id, backup_id: created.backup_id }, body: { expiration: 300 } });
  assert.strictEqual(links.links.length, 3);
  let total = 0;
  for (const link of links.links) {
    const file = await head(link.link);
    assert.strictEqual(file.status, 200);
    assert.strictEqual(file.first.subarray(0, 9).toString(), 'REDIS0009');
    total += file.length;
  }
  assert.strictEqual(total, record.size);
  await assert.rejects(v2(hc, 'POST', '/v2/{project_id}/instances/{instance_id}/backups/{backup_id}/links',
    { pathParams: { instance_id: proxy.instance_id, backup_id: created.backup_id }, body: { expiration: 60 } }),
  (e) => e.httpStatusCode === 400 && e.errorCode === 'DCS.4800' && !!e.requestId);

  const restore = await v2(hc, 'POST', '/v2/{project_id}/instances/{instance_id}/restores',
    { pathParams: { instance_id: ha.instance_id }, body: { backup_id: usable.backup_id, remark: '官方 SDK v2 恢复' } });
  assert.ok(restore.restore_id);
  await assert.rejects(v2(hc, 'POST', '/v2/{project_id}/instances/{instance_id}/restores',
    { pathParams: { instance_id: ha.instance_id }, body: { backup_id: usable.backup_id } }),
  (e) => e.httpStatusCode === 400 && e.errorCode === 'DCS.4097' && !!e.errorMsg && !!e.requestId);
  const restored = await waitFor(async () => (await v2(hc, 'GET', '/v2/{project_id}/instances/{instance_id}/restores',
    { pathParams: { instance_id: ha.instance_id }, queryParams: { offset: 0, limit: 10 } }))
    .restore_record_response.find((r) => r.restore_id === restore.restore_id),
  (r) => r.status === 'succeed' || r.status === 'failed');
  assert.strictEqual(restored.status, 'succeed');
  assert.strictEqual(restored.restore_remark, '官方 SDK v2 恢复');

  const tasks = await v2(hc, 'GET', '/v2/{project_id}/instances/{instance_id}/tasks',
    { pathParams: { instance_id: byName('legacy-page-cache').instance_id }, queryParams: { offset: 0, limit: 10 } });
  assert.strictEqual(tasks.task_count, '1');
  assert.strictEqual(tasks.tasks[0].name, 'masterStandbySwapJob');

  // 204 with no body: an empty backup list, and the deletion of a backup.
  const empty = await v2(hc, 'GET', '/v2/{project_id}/instances/{instance_id}/backups',
    { pathParams: { instance_id: byName('rate-limiter').instance_id }, queryParams: { offset: 0, limit: 10 } });
  assert.strictEqual(empty.httpStatusCode, 204);
  const deleted = await v2(hc, 'DELETE', '/v2/{project_id}/instances/{instance_id}/backups/{backup_id}',
    { pathParams: { instance_id: proxy.instance_id, backup_id: created.backup_id } });
  assert.strictEqual(deleted.httpStatusCode, 204);

  await assert.rejects(v2(hc, 'GET', '/v2/{project_id}/instances/{instance_id}',
    { pathParams: { instance_id: 'no-such-instance' } }),
  (e) => e.httpStatusCode === 404 && e.errorCode === 'DCS.3022' && !!e.requestId);
}

async function main() {
  const { child, url } = await startSim(process.argv[2]);
  try {
    const hc = client(url);
    const list = await call(hc, 'GET', '/v1.0/{project_id}/instances',
      { queryParams: { start: 1, limit: 1000 }, json: false });
    assert.strictEqual(list.httpStatusCode, 200);
    assert.ok(list.instance_num >= 8);
    const ha = list.instances.find((i) => i.spec_code.startsWith('redis.ha.'));
    assert.strictEqual(ha.name, 'order-cache-prod');

    const show = await call(hc, 'GET', '/v1.0/{project_id}/instances/{instance_id}',
      { pathParams: { instance_id: ha.instance_id } });
    assert.strictEqual(show.cache_mode, 'ha');

    const begin = new Date(Date.now() - 3 * 86400e3).toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const backups = await call(hc, 'GET', '/v1.0/{project_id}/instances/{instance_id}/backups',
      { pathParams: { instance_id: ha.instance_id },
        queryParams: { beginTime: begin, limit: 10, note: "a b(c)!*'中" }, json: false });
    assert.ok(backups.total_num >= 2);
    const usable = backups.backup_record_response.find(
      (b) => b.status === 'succeed' && b.is_support_restore === 'TRUE');

    const restore = await call(hc, 'POST', '/v1.0/{project_id}/instances/{instance_id}/restores',
      { pathParams: { instance_id: ha.instance_id },
        data: { backup_id: usable.backup_id, remark: '官方 SDK 恢复' } });
    assert.ok(restore.restore_id);

    await assert.rejects(call(hc, 'POST', '/v1.0/{project_id}/instances/{instance_id}/restores',
      { pathParams: { instance_id: ha.instance_id }, data: { backup_id: usable.backup_id } }),
    (e) => e.httpStatusCode === 400 && e.errorCode === 'DCS.4097' && !!e.requestId);

    let record;
    for (let i = 0; i < 50; ++i) {
      const records = await call(hc, 'GET', '/v1.0/{project_id}/instances/{instance_id}/restores',
        { pathParams: { instance_id: ha.instance_id }, queryParams: { start: 1, limit: 10 }, json: false });
      record = records.restore_record_response.find((r) => r.restore_id === restore.restore_id);
      if (record.status === 'succeed' || record.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.strictEqual(record.status, 'succeed');
    assert.strictEqual(record.progress, '100.00');
    assert.strictEqual(record.restore_remark, '官方 SDK 恢复');

    await assert.rejects(call(client(url, 'wrong'), 'GET', '/v1.0/{project_id}/instances', { json: false }),
      (e) => e.httpStatusCode === 401 && e.errorCode === 'APIGW.0301' && !!e.requestId);
    await checkV2(url);
    console.log('official SDK check passed');
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((e) => { console.error('official SDK check FAILED:', e.message || e); process.exit(1); });
