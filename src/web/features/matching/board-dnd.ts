import type { KeyboardCoordinateGetter } from "@dnd-kit/core";
import { isMatchStage, matchStages } from "./constants";

/**
 * Arrow right and left carry a match card one column further or back (the default moves it by 25
 * pixels, a dozen presses per column); the card lands near the top of the next column. As on the
 * companies' board, only for the match stages.
 */
export const stageByStage: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const step = event.code === "ArrowRight" ? 1 : event.code === "ArrowLeft" ? -1 : 0;
  const { active, over, droppableRects, collisionRect } = context;
  if (!step || !active || !collisionRect) return undefined;
  const from = isMatchStage(over?.id) ? over.id : active.data.current?.stage;
  const target = matchStages[matchStages.indexOf(from) + step];
  const rect = target ? droppableRects.get(target) : undefined;
  if (!rect) return currentCoordinates;
  return { x: rect.left + (rect.width - collisionRect.width) / 2, y: rect.top + 48 };
};
