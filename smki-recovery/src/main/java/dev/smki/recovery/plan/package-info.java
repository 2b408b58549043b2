/**
 * Exercise plans: a YAML file that says everything a rehearsal needs (the incident, the procedure and its order, the
 * Key Custodians and their attendance, the SMKI PMA's decisions, the fleet, every duration, injected events, the
 * exercise mode). Start at {@link dev.smki.recovery.plan.ExercisePlan}: {@link
 * dev.smki.recovery.plan.ExercisePlan#builtIn} for a built-in scenario, {@link
 * dev.smki.recovery.plan.ExercisePlan#read} for a file; rehearse it with {@link
 * dev.smki.recovery.rehearsal.Rehearsal#start}, explore its orders with {@link
 * dev.smki.recovery.plan.PlanAnalysis#of}.
 */
@NullMarked
package dev.smki.recovery.plan;

import org.jspecify.annotations.NullMarked;
