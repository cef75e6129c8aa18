/**
 * What every page and API answer shares: languages and the switcher, static files, error
 * pages and problem+json answers, upload refusals, the OpenAPI description and the home
 * page, and sessions shared between instances when configured. Owns no data.
 */
package io.spoofdesk.web;
