/**
 * Other tools' project files, read with MPXJ, turned into engine input; and the schedule check, which
 * reschedules an imported file with the engine and compares every task with what the file stored.
 */
package org.gantry.interchange;
