import { defaultProvider } from "@aws-sdk/credential-provider-node";
import {
  createJourneyRunsClient,
  createJourneyRunsFetchClient,
  type GetJourneyRunsInput,
  isJourneyRunsError,
  type JourneyRun,
  type JourneyRunsClientOptions,
  type JourneyRunsFetchClient,
  type JourneyRunsResponse,
  type NotFoundException,
  type PinpointServiceException,
} from "@journey-runs/client";
import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { describe, expectTypeOf, it } from "vitest";

const client = createJourneyRunsClient({ endpoint: "http://127.0.0.1:4010" });
const input = { applicationId: "a", journeyId: "j" };

describe("the client's types", () => {
  it("resolves getJourneyRuns to the contract's page, and paginators to pages and runs", () => {
    expectTypeOf(client.getJourneyRuns(input)).resolves.toEqualTypeOf<JourneyRunsResponse>();
    expectTypeOf(client.getJourneyRuns(input)).resolves.toHaveProperty("NextToken").toEqualTypeOf<string | undefined>();
    expectTypeOf(client.paginateJourneyRuns(input)).toMatchTypeOf<AsyncIterable<JourneyRunsResponse>>();
    expectTypeOf(client.iterateJourneyRuns(input)).toMatchTypeOf<AsyncIterable<JourneyRun>>();
    expectTypeOf<JourneyRun["Status"]>().toEqualTypeOf<"SCHEDULED" | "RUNNING" | "COMPLETED" | "CANCELLED">();
  });

  it("types the input from the contract", () => {
    expectTypeOf<GetJourneyRunsInput["pageSize"]>().toEqualTypeOf<number | undefined>();
    // @ts-expect-error journeyId is required
    client.getJourneyRuns({ applicationId: "a" });
    // @ts-expect-error pageSize is a number
    client.getJourneyRuns({ ...input, pageSize: "10" });
  });

  it("accepts AWS SDK v3 credential providers as they are (defaultProvider is what fromNodeProviderChain returns)", () => {
    expectTypeOf<AwsCredentialIdentityProvider>().toMatchTypeOf<NonNullable<JourneyRunsClientOptions["credentials"]>>();
    createJourneyRunsClient({ region: "us-east-1", credentials: defaultProvider() });
  });

  it("types the openapi-fetch client from the contract's paths", async () => {
    const api = createJourneyRunsFetchClient({ endpoint: "http://127.0.0.1:4010" });
    expectTypeOf(api).toEqualTypeOf<JourneyRunsFetchClient>();
    const { data, error } = await api.GET("/v1/apps/{application-id}/journeys/{journey-id}/runs", {
      params: { path: { "application-id": "a", "journey-id": "j" }, query: { "page-size": 5 } },
    });
    expectTypeOf(data).toEqualTypeOf<JourneyRunsResponse | undefined>();
    expectTypeOf(error).toMatchTypeOf<{ Message?: string; RequestID?: string } | undefined>();
    // @ts-expect-error no such path
    api.GET("/v1/apps/{application-id}/journeys", {});
    // @ts-expect-error the client made by createJourneyRunsClient has no fetchClient
    client.fetchClient;
  });

  it("narrows errors by name with isJourneyRunsError", () => {
    const error: unknown = new Error();
    if (isJourneyRunsError(error, "NotFoundException")) {
      expectTypeOf(error).toEqualTypeOf<NotFoundException & { readonly errorType: "NotFoundException" }>();
    }
    if (isJourneyRunsError(error, "PinpointServiceException")) {
      expectTypeOf(error.requestId).toEqualTypeOf<string | undefined>();
      expectTypeOf(error).toEqualTypeOf<PinpointServiceException>();
    }
  });
});
