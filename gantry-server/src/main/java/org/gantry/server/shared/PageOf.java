package org.gantry.server.shared;

import java.util.List;

/** One page of a longer list: page numbers start at 0; total counts every match. */
public record PageOf<T>(List<T> items, int page, int size, long total) {}
