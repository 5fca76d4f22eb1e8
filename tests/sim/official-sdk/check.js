// Drives a fresh dcs-sim through Huawei Cloud's official Node.js SDK core: its own AK/SK signer
// (UNSIGNED-PAYLOAD on non-JSON calls, every header signed), its HTTP client and its error
// parsing. Lists instances and backups, restores with a Chinese remark, follows the record to its
// end, and reads the v1 and gateway error shapes.
//   mkdir -p <dir> && cp package.json <dir> && npm install --prefix <dir>
//   NODE_PATH=<dir>/node_modules node check.js <path of dcs-sim>   (0 all good, 77 no SDK)
const assert = require('assert');
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
    '--ak', AK, '--sk', SK, '--project-id', PROJECT, '--restore-seconds', '2'],
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
    console.log('official SDK check passed');
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((e) => { console.error('official SDK check FAILED:', e.message || e); process.exit(1); });
