// The floor a Node client is measured against: a script that sends every URL in turn on one undici
// dispatcher, with the bench's client certificate (ca.pem, client.pem, client.key in its folder).

/** `dispatcher` is an expression over `undici` (the module) and `tls` (the certificate options). */
export function undiciLoop(undici: string, dispatcher: string, urls: string[]): string {
  return [
    `const undici = require(${JSON.stringify(undici)});`,
    `const fs = require('node:fs');`,
    `const urls = ${JSON.stringify(urls)};`,
    `const tls = { ca: fs.readFileSync('ca.pem'), cert: fs.readFileSync('client.pem'), key: fs.readFileSync('client.key') };`,
    `(async () => {`,
    `  const agent = ${dispatcher};`,
    `  for (const url of urls) {`,
    `    const { origin, pathname } = new URL(url);`,
    `    const { statusCode, body } = await agent.request({ origin, path: pathname, method: 'GET', headers: { 'x-region': '0' } });`,
    `    await body.text();`,
    `    if (statusCode !== 200) process.exitCode = 1;`,
    `  }`,
    `  await agent.close();`,
    `})();`,
  ].join('\n');
}
