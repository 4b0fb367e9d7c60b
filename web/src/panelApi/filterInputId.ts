/** The log's filter field, which the `/` shortcut focuses from anywhere on the page. */
export const FILTER_INPUT_ID = 'log-filter-input';
