// Copies the server jar into the extension (server/paperlink.jar) before `vsce package`.
// Source: $PAPERLINK_JAR, else ../../server/target/paperlink.jar (build it with ./mvnw -B -DskipTests package).
const fs = require('fs');
const path = require('path');
const src = process.env.PAPERLINK_JAR || path.resolve(__dirname, '..', '..', '..', 'server', 'target', 'paperlink.jar');
if (!fs.existsSync(src)) {
  console.error(`copy-jar: ${src} is missing; build it first: (cd ../.. && ./mvnw -B -q -DskipTests package), or set PAPERLINK_JAR`);
  process.exit(1);
}
const dest = path.resolve(__dirname, '..', 'server', 'paperlink.jar');
fs.mkdirSync(path.dirname(dest), { recursive: true });
fs.copyFileSync(src, dest);
console.log(`copy-jar: ${src} -> ${path.relative(process.cwd(), dest)} (${(fs.statSync(dest).size / 1e6).toFixed(1)} MB)`);
