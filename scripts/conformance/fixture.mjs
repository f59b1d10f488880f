// The "candidate folders" fixture: one repository that holds a command in every folder some
// AI tool might read. Each folder gets two items:
//   - `probe-clash`: the same name everywhere, to see which folder wins a clash (or whether
//     the tool lists it several times, or renames it);
//   - `only-<slug>`: a name found in that folder alone, to see whether the folder is read
//     at all and under which name its item is offered.
// Every body carries a marker `FOLDER-MARKER <slug>` so a recorded model request shows which
// file was expanded.
import fs from 'node:fs';
import path from 'node:path';

const skill = (name, slug) =>
  `---\nname: ${name}\ndescription: "Probe item from ${slug}"\n---\n\nFOLDER-MARKER ${slug}. Input: $ARGUMENTS\n`;
const md = (name, slug) => `---\ndescription: "Probe item from ${slug}"\n---\n\nFOLDER-MARKER ${slug}. Input: $ARGUMENTS\n`;
const plain = (name, slug) => `# ${name}\n\nFOLDER-MARKER ${slug}. Input: the text after the command\n`;
const toml = (name, slug) =>
  `description = "Probe item from ${slug}"\nprompt = """\nFOLDER-MARKER ${slug}. Input: {{args}}\n"""\n`;

/** Each candidate: slug, folder, how an item named N is laid out there, and its format. */
export const CANDIDATES = [
  { slug: 'agents-skills', dir: '.agents/skills', file: (n) => `${n}/SKILL.md`, body: skill },
  { slug: 'agents-commands', dir: '.agents/commands', file: (n) => `${n}.md`, body: md },
  { slug: 'agents-workflows', dir: '.agents/workflows', file: (n) => `${n}.md`, body: md },
  { slug: 'agent-workflows', dir: '.agent/workflows', file: (n) => `${n}.md`, body: md },
  { slug: 'claude-commands', dir: '.claude/commands', file: (n) => `${n}.md`, body: md },
  { slug: 'claude-skills', dir: '.claude/skills', file: (n) => `${n}/SKILL.md`, body: skill },
  { slug: 'gemini-commands', dir: '.gemini/commands', file: (n) => `${n}.toml`, body: toml },
  { slug: 'gemini-skills', dir: '.gemini/skills', file: (n) => `${n}/SKILL.md`, body: skill },
  { slug: 'opencode-command', dir: '.opencode/command', file: (n) => `${n}.md`, body: md },
  { slug: 'opencode-commands', dir: '.opencode/commands', file: (n) => `${n}.md`, body: md },
  { slug: 'opencode-skills', dir: '.opencode/skills', file: (n) => `${n}/SKILL.md`, body: skill },
  { slug: 'codex-skills', dir: '.codex/skills', file: (n) => `${n}/SKILL.md`, body: skill },
  { slug: 'codex-prompts', dir: '.codex/prompts', file: (n) => `${n}.md`, body: md },
  { slug: 'github-prompts', dir: '.github/prompts', file: (n) => `${n}.prompt.md`, body: md },
  { slug: 'github-skills', dir: '.github/skills', file: (n) => `${n}/SKILL.md`, body: skill },
  { slug: 'clinerules-workflows', dir: '.clinerules/workflows', file: (n) => `${n}.md`, body: plain },
  { slug: 'clinerules-skills', dir: '.clinerules/skills', file: (n) => `${n}/SKILL.md`, body: skill },
  { slug: 'cline-skills', dir: '.cline/skills', file: (n) => `${n}/SKILL.md`, body: skill },
  { slug: 'cline-workflows', dir: '.cline/workflows', file: (n) => `${n}.md`, body: plain },
  { slug: 'qwen-commands', dir: '.qwen/commands', file: (n) => `${n}.md`, body: md },
  { slug: 'qwen-commands-toml', dir: '.qwen/commands', file: (n) => `${n}.toml`, body: toml, noClash: true },
  { slug: 'qwen-skills', dir: '.qwen/skills', file: (n) => `${n}/SKILL.md`, body: skill },
  { slug: 'kilocode-workflows', dir: '.kilocode/workflows', file: (n) => `${n}.md`, body: plain },
  { slug: 'kilo-commands', dir: '.kilo/commands', file: (n) => `${n}.md`, body: md },
  { slug: 'kilo-skills', dir: '.kilo/skills', file: (n) => `${n}/SKILL.md`, body: skill },
  { slug: 'kilocode-skills', dir: '.kilocode/skills', file: (n) => `${n}/SKILL.md`, body: skill },
  { slug: 'windsurf-workflows', dir: '.windsurf/workflows', file: (n) => `${n}.md`, body: md },
  { slug: 'devin-workflows', dir: '.devin/workflows', file: (n) => `${n}.md`, body: md },
  { slug: 'cursor-commands', dir: '.cursor/commands', file: (n) => `${n}.md`, body: plain },
  { slug: 'cursor-skills', dir: '.cursor/skills', file: (n) => `${n}/SKILL.md`, body: skill },
  { slug: 'factory-commands', dir: '.factory/commands', file: (n) => `${n}.md`, body: md },
  { slug: 'factory-skills', dir: '.factory/skills', file: (n) => `${n}/SKILL.md`, body: skill },
  { slug: 'augment-commands', dir: '.augment/commands', file: (n) => `${n}.md`, body: md },
  { slug: 'augment-skills', dir: '.augment/skills', file: (n) => `${n}/SKILL.md`, body: skill },
  { slug: 'crush-commands', dir: '.crush/commands', file: (n) => `${n}.md`, body: md },
  { slug: 'crush-skills', dir: '.crush/skills', file: (n) => `${n}/SKILL.md`, body: skill },
];

export const CLASH = 'probe-clash';
export const onlyName = (c) => `only-${c.slug}`;

/** Write the fixture into `dir` (created if missing). Returns the list of written files. */
export function writeFixture(dir) {
  const written = [];
  for (const c of CANDIDATES) {
    for (const base of [CLASH, onlyName(c)]) {
      // a second format in a shared folder holds only its own item
      if (c.noClash && base === CLASH) continue;
      const name = base;
      const rel = path.join(c.dir, c.file(name));
      const abs = path.join(dir, rel);
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, c.body(name, c.slug));
      written.push(rel);
    }
  }
  fs.writeFileSync(path.join(dir, 'README.md'), '# conformance fixture\n');
  return written;
}

/** Which candidate a text came from, by its marker (null when none). */
export function markerOf(text) {
  const m = /FOLDER-MARKER ([a-z0-9-]+)/.exec(String(text ?? ''));
  return m ? m[1] : null;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = process.argv[2];
  if (!target) { console.error('usage: node fixture.mjs <dir>'); process.exit(2); }
  console.log(writeFixture(target).join('\n'));
}
