/**
 * The REST API under {@code /api/v1}: thin controllers that turn HTTP into calls on the feature
 * services, and failures into RFC 9457 problem details. Documented by OpenAPI at {@code /api/docs}.
 */
package org.gantry.server.api;
