// The bench's peer: the signed-in V2MOM page served the way the original stack served it
// (Express, EJS, node-postgres, one process), from the same PostgreSQL database, so that
// `cargo bench --bench pages` can put the two side by side. It reads what our page shows:
// who is signed in (a session row looked up per request, as connect-pg-simple does), their
// unread notifications, the V2MOM with its parts, each measure's latest check-in, its
// alignment both ways and its check-ins; then renders views/v2mom.ejs.
//
// Started by the bench with DATABASE_URL and PEER_READER (an email). It makes a session for
// that person and prints one JSON line, {"port": …, "cookie": "…"}, once it listens.

const crypto = require("node:crypto");
const path = require("node:path");
const express = require("express");
const { Pool } = require("pg");

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = express();
app.set("view engine", "ejs");
app.set("views", path.join(__dirname, "views"));
app.set("view cache", true);
app.disable("x-powered-by");

const one = async (sql, params) => (await pool.query(sql, params)).rows[0];
const all = async (sql, params) => (await pool.query(sql, params)).rows;

function sessionId(req) {
  const match = /(?:^|;\s*)peer_sid=([0-9a-f]+)/.exec(req.headers.cookie || "");
  return match && match[1];
}

async function signedIn(req, res, next) {
  try {
    const user = await one(
      `SELECT u.id, u.display_name, u.role FROM peer_sessions s JOIN users u ON u.id = s.user_id
       WHERE s.id = $1 AND s.expires_at > now()`,
      [sessionId(req)],
    );
    if (!user) return res.redirect("/login");
    req.user = user;
    next();
  } catch (err) {
    next(err);
  }
}

app.get("/v2moms/:id", signedIn, async (req, res, next) => {
  try {
    const id = Number(req.params.id);
    const v2mom = await one(
      `SELECT v.id, v.owner_id, o.display_name AS owner_name, p.name AS period_name,
              p.starts_on, p.ends_on, v.title, v.vision, v.status, v.version, v.updated_at
       FROM v2moms v JOIN users o ON o.id = v.owner_id JOIN periods p ON p.id = v.period_id
       WHERE v.id = $1`,
      [id],
    );
    if (!v2mom) return res.status(404).send("Not found");
    if (v2mom.owner_id !== req.user.id) return res.status(403).send("Forbidden");
    const unread = await one(
      "SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL",
      [req.user.id],
    );
    const values = await all(
      "SELECT name, description FROM v2mom_values WHERE v2mom_id = $1 ORDER BY position",
      [id],
    );
    const methods = await all(
      `SELECT id, title, description, aligned_to FROM v2mom_methods
       WHERE v2mom_id = $1 ORDER BY position`,
      [id],
    );
    const obstacles = await all(
      `SELECT o.method_id, o.description FROM v2mom_obstacles o
       JOIN v2mom_methods m ON m.id = o.method_id WHERE m.v2mom_id = $1
       ORDER BY o.method_id, o.position`,
      [id],
    );
    const measures = await all(
      `SELECT s.id, s.method_id, s.description, s.kind, s.start_value, s.target_value, s.unit,
              s.direction, s.due_on
       FROM v2mom_measures s JOIN v2mom_methods m ON m.id = s.method_id
       WHERE m.v2mom_id = $1 ORDER BY s.method_id, s.position`,
      [id],
    );
    const checkIns = await all(
      `SELECT c.id, c.measure_id, c.value, c.status, c.comment, c.created_at,
              u.display_name AS by_name
       FROM measure_check_ins c JOIN users u ON u.id = c.created_by
       JOIN v2mom_measures s ON s.id = c.measure_id JOIN v2mom_methods m ON m.id = s.method_id
       WHERE m.v2mom_id = $1 ORDER BY c.id`,
      [id],
    );
    const link = `other.id AS method_id, other.title AS method_title, v.id AS v2mom_id,
                  u.display_name AS owner_name, own.id AS own_method`;
    const alignedTo = await all(
      `SELECT ${link} FROM v2mom_methods own JOIN v2mom_methods other ON other.id = own.aligned_to
       JOIN v2moms v ON v.id = other.v2mom_id JOIN users u ON u.id = v.owner_id
       WHERE own.v2mom_id = $1 ORDER BY own.position`,
      [id],
    );
    const alignedFrom = await all(
      `SELECT ${link} FROM v2mom_methods own JOIN v2mom_methods other ON other.aligned_to = own.id
       JOIN v2moms v ON v.id = other.v2mom_id JOIN users u ON u.id = v.owner_id
       WHERE own.v2mom_id = $1 ORDER BY own.position, lower(u.display_name), other.id`,
      [id],
    );

    const latest = new Map();
    for (const c of checkIns) latest.set(c.measure_id, c);
    for (const m of methods) {
      m.obstacles = obstacles.filter((o) => o.method_id === m.id);
      m.measures = measures
        .filter((s) => s.method_id === m.id)
        .map((s) => {
          const last = latest.get(s.id);
          const span = s.target_value - s.start_value;
          const done = last && span !== 0 ? (last.value - s.start_value) / span : 0;
          return { ...s, last, percent: Math.round(Math.max(0, Math.min(1, done)) * 100) };
        });
      m.alignedTo = alignedTo.filter((l) => l.own_method === m.id);
      m.alignedFrom = alignedFrom.filter((l) => l.own_method === m.id);
    }
    res.set("Cache-Control", "no-store");
    res.render("v2mom", { user: req.user, unread: unread.n, v2mom, values, methods, checkIns });
  } catch (err) {
    next(err);
  }
});

async function main() {
  await pool.query(
    `CREATE TABLE IF NOT EXISTS peer_sessions (
       id TEXT PRIMARY KEY, user_id BIGINT NOT NULL, expires_at TIMESTAMPTZ NOT NULL)`,
  );
  const sid = crypto.randomBytes(32).toString("hex");
  await pool.query(
    `INSERT INTO peer_sessions (id, user_id, expires_at)
     SELECT $1, id, now() + interval '1 day' FROM users WHERE email_key = lower($2)`,
    [sid, process.env.PEER_READER],
  );
  const server = app.listen(0, "127.0.0.1", () => {
    console.log(JSON.stringify({ port: server.address().port, cookie: `peer_sid=${sid}` }));
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
