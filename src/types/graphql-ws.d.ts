// graphql-ws publishes its server adapters only through package "exports", which this project's
// CommonJS module resolution ("node") does not read for types; point the type checker at the file.
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws';
}
