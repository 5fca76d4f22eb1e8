// dcs-bench's reader of a long instance list through Huawei Cloud's official Node.js SDK core:
// its signer, its HTTP client and its JSON handling, reading every page as our client does (the
// first page for the total, then the rest with the same number of pages in flight).
//   NODE_PATH=<dir>/node_modules node sdk-list.js <url> <ak> <sk> <project> <page size> <in flight>
// Prints one line: "<milliseconds> <instances read>" for a timed reading after an untimed one
// (the first warms the JIT and the connection pool, as the C++ side runs warm too).
// Exit 77 when the SDK is not installed.
let core;
let ClientBuilder;
try {
  core = require('@huaweicloud/huaweicloud-sdk-core');
  ({ ClientBuilder } = require('@huaweicloud/huaweicloud-sdk-core/ClientBuilder'));
} catch (e) {
  if (e.code !== 'MODULE_NOT_FOUND') throw e;
  process.exit(77);
}

const [url, ak, sk, project, pageSizeText, inFlightText] = process.argv.slice(2);
const pageSize = Number(pageSizeText);
const inFlight = Number(inFlightText);

function client() {
  const credentials = new core.BasicCredentials().withAk(ak).withSk(sk).withProjectId(project);
  return new ClientBuilder((c) => c).withCredential(credentials).withEndpoint(url).build();
}

function page(hc, offset) {
  return hc.sendRequest({
    method: 'GET',
    url: '/v2/{project_id}/instances',
    contentType: 'application/json',
    queryParams: { offset, limit: pageSize },
    pathParams: {},
    headers: {},
    responseHeaders: [''],
  });
}

async function readAll() {
  const hc = client();
  const first = await page(hc, 0);
  const total = first.instance_num;
  let count = first.instances.length;
  const offsets = [];
  for (let offset = pageSize; offset < total; offset += pageSize) offsets.push(offset);
  async function worker() {
    while (offsets.length > 0) {
      const body = await page(hc, offsets.shift());
      count += body.instances.length;
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker));
  return count;
}

(async () => {
  await readAll();
  const start = process.hrtime.bigint();
  const count = await readAll();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`${ms} ${count}`);
})().catch((e) => {
  console.error(e && e.message ? e.message : e);
  process.exit(1);
});
