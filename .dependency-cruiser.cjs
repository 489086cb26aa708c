// Holds the direction of dependencies (docs/architecture.md):
//   cli, api -> config -> query, rules, notify, agent, ingest -> store, transport -> parse -> parsers -> core
// telemetry and core import nothing of ours; a folder is entered only through its index.ts.
const layer = (from, to, comment) => ({
  name: `${from.replace(/[^a-z]+/g, '-')}-not-${to.replace(/[^a-z]+/g, '-')}`.replace(/-+/g, '-'),
  severity: 'error',
  comment,
  from: { path: from },
  to: { path: to },
});

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    layer('^src/core/', '^(src/(?!core/)|parsers/)', 'core is the shared vocabulary and imports nothing of ours'),
    layer('^src/telemetry/', '^(src/(?!telemetry/)|parsers/)', 'telemetry imports nothing of ours'),
    layer('^parsers/', '^src/(?!core/)', 'parsers are tables over the core vocabulary'),
    layer('^src/parse/', '^src/(agent|ingest|transport|store|rules|notify|query|api|cli|config)/', 'parsing knows nothing of files, stores or transports'),
    layer('^src/(store|transport)/', '^src/(agent|ingest|rules|notify|query|api|cli|config)/', 'stores and transports sit below the stages that use them'),
    layer('^src/store/', '^src/transport/', 'a store knows nothing of Kafka'),
    layer('^src/rules/', '^src/(store|transport|agent|ingest|notify|query)/', 'rules are pure: events in, alert changes out'),
    layer('^src/(agent|ingest|query|rules|notify)/', '^src/(api|cli|config)/', 'stages receive typed slices and know nothing of the edges'),
    {
      name: 'enter-through-index',
      severity: 'error',
      comment: 'a folder is entered only through its index.ts',
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/[^/]+/', pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
