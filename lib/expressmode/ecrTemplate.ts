// The ECR infrastructure CloudFormation template (repository, KMS key, push/pull role), shipped as data (§5.3).
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub strings use ${...} on purpose.

/**
 * Template of the `<app>-ecr-infrastructure` stack, equivalent to the reference's `ecr_infrastructure.json`:
 * a KMS-encrypted, scan-on-push, IMMUTABLE repository `<app>-repo` keeping the latest 5 images, and the role
 * `<app>-ecr-role`. Shipped inside the library so nothing is copied into the user's project.
 */
export const ECR_TEMPLATE = {
  AWSTemplateFormatVersion: "2010-09-09",
  Description: "ECR Repository for Application",
  Parameters: { AppName: { Type: "String", Description: "Name of the application" } },
  Resources: {
    ECREncryptionKey: {
      Type: "AWS::KMS::Key",
      Properties: {
        Description: { "Fn::Sub": "KMS key for ${AppName} ECR repository encryption" },
        EnableKeyRotation: true,
        KeyPolicy: {
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "EnableRootAccountPermissions",
              Effect: "Allow",
              Principal: { AWS: { "Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root" } },
              Action: "kms:*",
              Resource: "*",
            },
            {
              Sid: "AllowECRServiceToUseTheKey",
              Effect: "Allow",
              Principal: { Service: "ecr.amazonaws.com" },
              Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
              Resource: "*",
            },
          ],
        },
        Tags: [{ Key: "Name", Value: { "Fn::Sub": "${AppName}-ecr-kms-key" } }],
      },
    },
    ECREncryptionKeyAlias: {
      Type: "AWS::KMS::Alias",
      Properties: {
        AliasName: { "Fn::Sub": "alias/${AppName}-ecr-kms-key" },
        TargetKeyId: { Ref: "ECREncryptionKey" },
      },
    },
    ECRPushPullRole: {
      Type: "AWS::IAM::Role",
      Properties: {
        RoleName: { "Fn::Sub": "${AppName}-ecr-role" },
        AssumeRolePolicyDocument: {
          Version: "2012-10-17",
          Statement: [
            { Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" },
            {
              Effect: "Allow",
              Principal: { AWS: { "Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root" } },
              Action: "sts:AssumeRole",
            },
          ],
        },
        Policies: [
          {
            PolicyName: "ECRAuthPolicy",
            PolicyDocument: {
              Version: "2012-10-17",
              Statement: [{ Effect: "Allow", Action: ["ecr:GetAuthorizationToken"], Resource: "*" }],
            },
          },
        ],
      },
    },
    ECRRepository: {
      Type: "AWS::ECR::Repository",
      DeletionPolicy: "Delete",
      Properties: {
        RepositoryName: { "Fn::Sub": "${AppName}-repo" },
        EmptyOnDelete: true,
        EncryptionConfiguration: { EncryptionType: "KMS", KmsKey: { "Fn::GetAtt": ["ECREncryptionKey", "Arn"] } },
        ImageScanningConfiguration: { ScanOnPush: true },
        ImageTagMutability: "IMMUTABLE",
        LifecyclePolicy: {
          LifecyclePolicyText: JSON.stringify({
            rules: [
              {
                rulePriority: 1,
                description: "Keep only the latest 5 images",
                selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 5 },
                action: { type: "expire" },
              },
            ],
          }),
        },
        RepositoryPolicyText: {
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "AllowPushPull",
              Effect: "Allow",
              Principal: { AWS: { "Fn::GetAtt": ["ECRPushPullRole", "Arn"] } },
              Action: [
                "ecr:GetDownloadUrlForLayer",
                "ecr:BatchGetImage",
                "ecr:BatchCheckLayerAvailability",
                "ecr:PutImage",
                "ecr:InitiateLayerUpload",
                "ecr:UploadLayerPart",
                "ecr:CompleteLayerUpload",
                "ecr:ListImages",
              ],
            },
          ],
        },
      },
    },
  },
  Outputs: {
    ECRRepositoryURI: {
      Description: "URI of the ECR repository",
      Value: {
        "Fn::Sub": "${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/${AppName}-repo",
      },
    },
    ECRPushPullRoleArn: {
      Description: "ARN of the ECR push/pull role",
      Value: { "Fn::GetAtt": ["ECRPushPullRole", "Arn"] },
    },
    ECRRepositoryName: { Description: "Name of the ECR repository", Value: { Ref: "ECRRepository" } },
  },
} as const;

/** The template body sent to CloudFormation. */
export const ECR_TEMPLATE_BODY = JSON.stringify(ECR_TEMPLATE, null, 2);
