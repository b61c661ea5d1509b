/**
 * Search and investigation: the one service every event read goes through (search pages, pipes,
 * export, pivots, the event panel), with the user's data scope applied there; saved searches.
 */
package io.vigil.search;
