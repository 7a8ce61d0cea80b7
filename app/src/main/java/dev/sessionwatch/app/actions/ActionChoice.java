package dev.sessionwatch.app.actions;

import dev.sessionwatch.protocol.SessionAction;

/**
 * One action offered for the selected sessions: a menu item or a toolbar button.
 *
 * @param label {@code Log out}, or with the count for a multi-selection: {@code End session (3)}
 * @param plan the sessions that allow it, each with this action
 */
public record ActionChoice(SessionAction action, String label, ActionPlan plan) {}
