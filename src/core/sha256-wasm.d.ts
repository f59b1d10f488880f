/** The build's assembly of sha256.wat (scripts/build.mjs, plugin "sha256-wasm"). */
declare module 'ai-flow:sha256-wasm' {
  const bytes: Uint8Array<ArrayBuffer>;
  export default bytes;
}
