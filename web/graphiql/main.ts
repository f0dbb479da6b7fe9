import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { EXAMPLE_TABS } from './examples';

/** Same origin as the page: the playground works offline and behind any proxy prefix-free. */
const GRAPHQL_PATH = '/graphql';

const container = document.getElementById('graphiql');
if (!container) throw new Error('missing #graphiql container');

const fetcher = createGraphiQLFetcher({ url: new URL(GRAPHQL_PATH, window.location.href).toString() });

createRoot(container).render(
  createElement(GraphiQL, {
    fetcher,
    defaultTabs: EXAMPLE_TABS,
    defaultEditorToolsVisibility: 'variables',
  }),
);
