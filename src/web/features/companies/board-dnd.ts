import type { CollisionDetection, KeyboardCoordinateGetter } from "@dnd-kit/core";
import { closestCenter } from "@dnd-kit/core";
import { isStage, stages } from "../../ui/stages";

/**
 * The column under the pointer (or under the middle of the card when the keyboard moves it). Columns
 * stand side by side and differ in height, so only the horizontal position counts.
 */
export const columnUnder: CollisionDetection = (args) => {
  const x = args.pointerCoordinates?.x ?? args.collisionRect.left + args.collisionRect.width / 2;
  const hits = args.droppableContainers.filter((c) => {
    const rect = args.droppableRects.get(c.id);
    return rect !== undefined && x >= rect.left && x <= rect.right;
  });
  return hits.length > 0 ? hits.map((c) => ({ id: c.id })) : closestCenter(args);
};

/**
 * Arrow right and left carry the card one column further or back (the default moves it by 25 pixels,
 * a dozen presses per column). The card lands near the top of the next column.
 */
export const columnByColumn: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const step = event.code === "ArrowRight" ? 1 : event.code === "ArrowLeft" ? -1 : 0;
  const { active, over, droppableRects, collisionRect } = context;
  if (!step || !active || !collisionRect) return undefined;
  const from = isStage(over?.id) ? over.id : active.data.current?.stage;
  const target = stages[stages.indexOf(from) + step];
  const rect = target ? droppableRects.get(target) : undefined;
  if (!rect) return currentCoordinates;
  return { x: rect.left + (rect.width - collisionRect.width) / 2, y: rect.top + 48 };
};
