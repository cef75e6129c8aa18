/**
 * The managers' dashboard: where every case stands, what is late, how fast the team
 * triages, contains and closes, and what the attackers use. A read model: plain SQL over
 * the other modules' tables, with the metric definitions of DESIGN.md.
 */
package io.spoofdesk.dashboard;
