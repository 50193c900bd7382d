import type {
  GetJourneyRunsParameters,
  GetJourneyRunsPath,
  JourneyRun,
  JourneyRunStatus,
  JourneyRunsErrorType,
  JourneyRunsResponse,
  MessageBody,
  paths,
} from "@journey-runs/types";
import { describe, expectTypeOf, test } from "vitest";

describe("generated types", () => {
  test("Status is exactly the four documented literals", () => {
    expectTypeOf<JourneyRunStatus>().toEqualTypeOf<"SCHEDULED" | "RUNNING" | "COMPLETED" | "CANCELLED">();
    expectTypeOf<JourneyRun["Status"]>().toEqualTypeOf<JourneyRunStatus>();
  });

  test("every field of a run is a required string", () => {
    expectTypeOf<JourneyRun>().toEqualTypeOf<{
      CreationTime: string;
      LastUpdateTime: string;
      RunId: string;
      Status: JourneyRunStatus;
    }>();
  });

  test("Item is required and NextToken is optional", () => {
    expectTypeOf<JourneyRunsResponse["Item"]>().toEqualTypeOf<JourneyRun[]>();
    expectTypeOf<JourneyRunsResponse>().toHaveProperty("NextToken");
    expectTypeOf<{ Item: [] }>().toExtend<JourneyRunsResponse>();
    expectTypeOf<{ NextToken: string }>().not.toExtend<JourneyRunsResponse>();
    expectTypeOf<Required<JourneyRunsResponse>["NextToken"]>().toEqualTypeOf<string>();
  });

  test("the error body has an optional Message and RequestID", () => {
    expectTypeOf<MessageBody>().toEqualTypeOf<{ Message?: string; RequestID?: string }>();
  });

  test("the seven error types are named", () => {
    expectTypeOf<JourneyRunsErrorType>().toEqualTypeOf<
      | "BadRequestException"
      | "ForbiddenException"
      | "NotFoundException"
      | "MethodNotAllowedException"
      | "PayloadTooLargeException"
      | "TooManyRequestsException"
      | "InternalServerErrorException"
    >();
  });

  test("parameters keep their wire names and types", () => {
    expectTypeOf<GetJourneyRunsParameters["path"]>().toEqualTypeOf<{
      "application-id": string;
      "journey-id": string;
    }>();
    expectTypeOf<NonNullable<GetJourneyRunsParameters["query"]>>().toEqualTypeOf<{
      "page-size"?: number;
      token?: string;
    }>();
  });

  test("the path template is a key of paths with only GET defined", () => {
    expectTypeOf<GetJourneyRunsPath>().toEqualTypeOf<keyof paths>();
    expectTypeOf<paths[GetJourneyRunsPath]["post"]>().toEqualTypeOf<undefined>();
  });

  test("each documented status maps to its body type", () => {
    type Responses = paths[GetJourneyRunsPath]["get"]["responses"];
    expectTypeOf<Responses[200]["content"]["application/json"]>().toEqualTypeOf<JourneyRunsResponse>();
    expectTypeOf<Responses[404]["content"]["application/json"]>().toEqualTypeOf<MessageBody>();
    expectTypeOf<keyof Responses>().toEqualTypeOf<200 | 400 | 403 | 404 | 405 | 413 | 429 | 500>();
  });
});
